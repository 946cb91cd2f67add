#pragma once

// A real local platform in a temporary folder (LocalEngine and a LocalPlatform on the "guest"
// namespace), and the few steps tests repeat on it.

#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"

#include <QTemporaryDir>

#include <memory>

namespace funcdesk::test {

struct LocalFixture
{
    // The engine opens `config` with its data folder in dir/platform (dir holds what else the
    // test keeps: drafts, payloads). Stops the test process when the engine does not open.
    explicit LocalFixture(LocalConfig config = withoutStemCells());
    ~LocalFixture();

    // The default configuration, but no runtime processes started ahead of the first invoke:
    // most tests invoke little or nothing, and many run at once.
    static LocalConfig withoutStemCells();

    QTemporaryDir dir;
    std::unique_ptr<LocalEngine> engine;
    std::unique_ptr<LocalPlatform> platform;

    static Action nodeAction(const QString &code, std::optional<qint64> memoryMb = {});
    // Creates or overwrites `name` (stops the test process on an error).
    Action put(const QString &name, const QString &code, std::optional<qint64> memoryMb = {});
    Action put(const QString &name, const Action &action);
    // A blocking invoke; the activation, whatever its status.
    Activation invoke(const QString &name, const QJsonObject &params = {});
    // Activation records are written in batches: make them listable.
    void flush() { engine->flush(); }
};

inline const QString kSucceeds = QStringLiteral("function main(p) { console.log('hello', p.n); return {n: p.n}; }");
inline const QString kThrows = QStringLiteral("function main() { throw new Error('boom'); }");
inline const QString kFailsWithError = QStringLiteral("function main() { return {error: 'bad input'}; }");

} // namespace funcdesk::test
