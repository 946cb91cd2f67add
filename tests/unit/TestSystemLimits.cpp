#include "core/SystemLimits.h"

#include <QTest>

using namespace funcdesk;

class TestSystemLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messagesAreOpenWhisks_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("memory high") << "memory" << 1024.0 << "memory size 1024 MB exceeds allowed threshold of 512 MB";
        QTest::newRow("memory low") << "memory" << 64.0 << "memory size 64 MB below allowed threshold of 128 MB";
        QTest::newRow("timeout high")
            << "timeout" << 400000.0 << "duration 400000 milliseconds exceeds allowed threshold of 300000 milliseconds";
        QTest::newRow("logs high") << "logs" << 20.0 << "log size 20 MB exceeds allowed threshold of 10 MB";
        QTest::newRow("concurrency high") << "concurrency" << 5.0 << "concurrency 5 exceeds allowed threshold of 1";
        QTest::newRow("cpu low") << "cpu" << 0.01 << "cpu 0.01 vCPU below allowed threshold of 0.05 vCPU";
    }

    void messagesAreOpenWhisks()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        QFETCH(QString, message);
        ActionLimits limits;
        if (field == QLatin1String("memory"))
            limits.memoryMb = qint64(value);
        else if (field == QLatin1String("timeout"))
            limits.timeoutMs = qint64(value);
        else if (field == QLatin1String("logs"))
            limits.logsMb = qint64(value);
        else if (field == QLatin1String("concurrency"))
            limits.concurrency = qint64(value);
        else
            limits.cpu = value;
        const auto error = SystemLimits().validate(limits);
        QVERIFY(error.has_value());
        QCOMPARE(error->kind, PlatformError::Kind::Invalid);
        QCOMPARE(error->message, message);
    }

    void limitsInRangePass()
    {
        ActionLimits limits;
        limits.memoryMb = 512;
        limits.timeoutMs = 100;
        limits.logsMb = 0;
        limits.cpu = 1.0;
        QVERIFY(!SystemLimits().validate(limits).has_value());
    }

    void defaultsFillOnlyUnsetFieldsAndCpuFollowsMemory()
    {
        ActionLimits limits;
        limits.memoryMb = 512;
        const ActionLimits filled = SystemLimits().withDefaults(limits);
        QCOMPARE(filled.memoryMb, 512);
        QCOMPARE(filled.timeoutMs, 60000);
        QCOMPARE(filled.logsMb, 10);
        QCOMPARE(filled.concurrency, 1);
        QCOMPARE(filled.cpu, 0.5); // 1 vCPU per GB
        limits.cpu = 0.1;
        QCOMPARE(SystemLimits().withDefaults(limits).cpu, 0.1);
    }

    void mergeReplacesOnlyGivenFields()
    {
        ActionLimits base;
        base.memoryMb = 256;
        base.timeoutMs = 1000;
        ActionLimits update;
        update.timeoutMs = 2000;
        const ActionLimits merged = base.mergedWith(update);
        QCOMPARE(merged.memoryMb, 256);
        QCOMPARE(merged.timeoutMs, 2000);
    }
};

QTEST_GUILESS_MAIN(TestSystemLimits)
#include "TestSystemLimits.moc"
