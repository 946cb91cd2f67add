#pragma once

// What the code panel tests share: a real local platform with a few functions, a DraftStore in
// its own temporary folder, and typing helpers. A platform that keeps no history (like stock
// OpenWhisk) and can be told to refuse deploys is support/FlakyPlatform.h.

#include "models/code/DraftStore.h"
#include "support/FlakyPlatform.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include "support/TestPalettes.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace funcdesk::test {

// QTest::keyClicks cannot type "\n": lines are typed one by one with Return between them.
inline void typeLines(QWidget *widget, const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(widget, Qt::Key_Return);
        QTest::keyClicks(widget, lines[i]);
    }
}

inline Action codeAction(const QString &kind, const QString &code)
{
    Action action;
    action.exec = Exec{kind, code, std::nullopt, std::nullopt, {}, {}, {}};
    return action;
}

inline const QString kHelloCode = QStringLiteral("function main(params) {\n"
                                                 "  const name = params.name || 'world';\n"
                                                 "  return { greeting: `Hello, ${name}!` };\n"
                                                 "}\n");
inline const QString kPythonCode = QStringLiteral("def main(args):\n"
                                                  "    name = args.get('name', 'world')\n"
                                                  "    return {'greeting': f'Hello, {name}!'}\n");

struct PlatformFixture : LocalFixture
{
    QTemporaryDir draftDir;

    PlatformFixture() // nothing is invoked here: no stem cells (LocalFixture's default)
    {
        Action hello = codeAction(QStringLiteral("nodejs:default"), kHelloCode);
        hello.limits = ActionLimits();
        hello.limits->memoryMb = 512;
        hello.parameters = KeyValueList{{QStringLiteral("name"), QStringLiteral("Ada"), {}}};
        take(platform->putAction(QStringLiteral("hello"), hello, {}));
        take(platform->putAction(QStringLiteral("pyhello"), codeAction(QStringLiteral("python:default"), kPythonCode),
                                 {}));
    }
};

} // namespace funcdesk::test
