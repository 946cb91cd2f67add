// Why the platform ended an activation, as the console says it: from real activation records of
// the executor (a timeout, the memory limit, a cancel), in the activation list's row, the details
// pane and the Test panel's report, numbers in the locale's format.

#include "../executor/ExecutorFixture.h"

#include "core/ActivationId.h"
#include "core/CostModel.h"
#include "models/activations/ActivationDetails.h"
#include "models/activations/ActivationSummary.h"
#include "models/activations/ActivationText.h"
#include "models/testing/RunReport.h"

#include <QLocale>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

std::unique_ptr<Executor> makeExecutor()
{
    ExecutorConfig config;
    config.stemCellsPerRuntime = 0;
    return std::make_unique<Executor>(config);
}

// What the list keeps of a record (no result, no logs) says the same.
QString listEnding(const Activation &activation)
{
    return ActivationText::ending(ActivationSummary::of(ActivationSummary::withoutPayload(activation)));
}

} // namespace

class TestActivationEndings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void timeoutSaysAfterHowLong()
    {
        auto executor = makeExecutor();
        auto request = nodeAction(QStringLiteral("function main() { while (true) {} }"), QStringLiteral("loop"));
        request.limits.timeoutMs = 1200;
        INVOKE(*executor, request, timedOut);
        QCOMPARE(listEnding(timedOut), QStringLiteral("timed out after 1,200 ms"));
        QCOMPARE(ActivationDetails::of(timedOut).status, QStringLiteral("developer error: timed out after 1,200 ms"));
        QCOMPARE(RunReport::fromActivation(RunReport::Target::Local, timedOut, CostModel()).status,
                 QStringLiteral("action developer error: timed out after 1,200 ms"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(listEnding(timedOut), QStringLiteral("timed out after 1.200 ms"));
    }

    void memoryLimitSaysAtHowMuch()
    {
        auto executor = makeExecutor();
        auto request =
            nodeAction(QStringLiteral("const hoard = [];\nfunction main() {\n"
                                      "  for (let i = 0; i < 400; i++) hoard.push(Buffer.alloc(4 << 20, 1));\n"
                                      "  return {}; }"),
                       QStringLiteral("hoarder"));
        request.limits.memoryMb = 128;
        INVOKE(*executor, request, exhausted);
        QCOMPARE(exhausted.annotation(QStringLiteral("memoryExceeded")).toBool(), true);
        QCOMPARE(listEnding(exhausted), QStringLiteral("out of memory at 128 MB"));
        QCOMPARE(ActivationDetails::of(exhausted).status, QStringLiteral("developer error: out of memory at 128 MB"));
        QCOMPARE(RunReport::fromActivation(RunReport::Target::Local, exhausted, CostModel()).status,
                 QStringLiteral("action developer error: out of memory at 128 MB"));
    }

    void openWhisksOutOfMemoryResultIsUnderstoodWithoutTheAnnotation()
    {
        Activation activation;
        activation.response = ActivationResponse();
        activation.response->setStatus(ActivationStatus::DeveloperError);
        activation.response->result =
            QJsonObject{{QStringLiteral("error"), QStringLiteral("The action exhausted its memory and was aborted.")}};
        activation.annotations =
            KeyValueList{{QStringLiteral("limits"), QJsonObject{{QStringLiteral("memory"), 256}}, {}}};
        QCOMPARE(ActivationText::ending(ActivationSummary::of(activation)), QStringLiteral("out of memory at 256 MB"));
    }

    void cancelledAndOrdinaryEndings()
    {
        auto executor = makeExecutor();
        auto request = nodeAction(QStringLiteral("function main() { return {}; }"), QStringLiteral("fine"));
        INVOKE(*executor, request, fine);
        QCOMPARE(listEnding(fine), QString());
        QCOMPARE(ActivationDetails::of(fine).status, QStringLiteral("success"));

        request.activationId = newActivationId();
        executor->cancel(request.activationId);
        INVOKE(*executor, request, cancelled);
        QCOMPARE(listEnding(cancelled), QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestActivationEndings)
#include "TestActivationEndings.moc"
