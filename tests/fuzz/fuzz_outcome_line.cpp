// libFuzzer target: what a launcher sends back for one activation (docs/runtime-protocol.md): its
// outcome line on fd 3 (executor/StepOutcome: verdictForInit, verdictForRun) and its output on
// stdout/stderr (executor/LogCapture), made into the activation record (executor/ActivationRecord)
// that the store writes with toCompactJson() and reads back with Activation::fromJson.
#include "core/Activation.h"
#include "executor/ActivationRecord.h"
#include "executor/Executor.h"
#include "executor/LogCapture.h"
#include "executor/StepOutcome.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QJsonDocument>

namespace {

using namespace funcdesk;

constexpr qint64 kMaxResult = 2048;
constexpr qint64 kLogLimit = 512;

QStringList capturedLogs(const QByteArray &bytes)
{
    LogCapture logs(kLogLimit);
    const qsizetype half = bytes.size() / 2;
    logs.append(LogCapture::Stream::Stdout, bytes.constData(), half);
    logs.append(LogCapture::Stream::Stderr, bytes.constData() + half, bytes.size() - half);
    logs.finish();
    FUZZ_CHECK(logs.bytesSeen() == bytes.size(), "every byte of output is counted");
    QStringList lines = logs.takeLines();
    qint64 kept = 0; // in UTF-16 units: a byte of output gives at most one (a bad byte gives U+FFFD)
    for (const QString &line : lines)
        kept += line.size();
    // The cap counts each line's prefix; the truncation notice comes on top.
    FUZZ_CHECK(kept <= kLogLimit + 128, "the logs kept stay within their cap");
    return lines;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray line = funcdesk::fuzz::bytesOf(data, size);
    StepResult step;
    step.outcome = line;
    step.outcomeBytes = line.size();
    const StepVerdict init = verdictForInit(step, 1000);
    FUZZ_CHECK(init.response.status.isEmpty() || !init.response.result.isUndefined(), "a failed init says why");
    const StepVerdict run = verdictForRun(step, 1000, kMaxResult);
    FUZZ_CHECK(run.response.result.isObject() || run.response.result.isArray(), "a run's result is JSON");

    InvocationRequest request;
    request.name = QStringLiteral("fuzzed");
    request.exec.kind = QStringLiteral("nodejs:20");
    ActivationFacts facts;
    facts.activationId = QStringLiteral("0123456789abcdef0123456789abcdef");
    facts.kind = request.exec.kind;
    facts.received = 1000;
    facts.start = 1001;
    facts.end = 1100;
    facts.startType = QStringLiteral("warm");
    facts.cpuNanos = 12345678;
    facts.peakMemoryBytes = 1 << 20;
    const Activation record = makeActivationRecord(request, facts, run.response, capturedLogs(line));

    const QByteArray stored = record.toCompactJson();
    FUZZ_CHECK(stored == QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact),
               "toCompactJson() writes what QJsonDocument writes");
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(stored, &error);
    FUZZ_CHECK(error.error == QJsonParseError::NoError && document.isObject(), "the stored record is JSON");
    const auto read = Activation::fromJson(document.object());
    FUZZ_CHECK(read.ok(), "the stored record is read back");
    FUZZ_CHECK(read->toJson() == record.toJson(), "the record read back is the record written");
    return 0;
}
