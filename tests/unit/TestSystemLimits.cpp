#include "core/SystemLimits.h"

#include <QJsonDocument>
#include <QJsonObject>
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
        QTest::newRow("storage high") << "storage" << 20000.0
                                      << "storage size 20000 MB exceeds allowed threshold of 10240 MB";
        QTest::newRow("storage low") << "storage" << 256.0 << "storage size 256 MB below allowed threshold of 512 MB";
        QTest::newRow("minInstances high") << "minInstances" << 9.0 << "minInstances 9 exceeds allowed threshold of 8";
        QTest::newRow("minInstances low") << "minInstances" << -1.0 << "minInstances -1 below allowed threshold of 0";
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
        else if (field == QLatin1String("storage"))
            limits.storageMb = qint64(value);
        else if (field == QLatin1String("minInstances"))
            limits.minInstances = qint64(value);
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
        limits.storageMb = 10240;
        limits.network = QStringLiteral("off");
        limits.minInstances = 8;
        QVERIFY(!SystemLimits().validate(limits).has_value());
        limits.storageMb = 512;
        limits.network = QStringLiteral("on");
        limits.minInstances = 0;
        QVERIFY(!SystemLimits().validate(limits).has_value());
    }

    void networkIsOnOrOff()
    {
        for (const char *bad : {"maybe", "ON", "", "off "}) {
            ActionLimits limits;
            limits.network = QString::fromLatin1(bad);
            const auto error = SystemLimits().validate(limits);
            QVERIFY2(error.has_value(), bad);
            QCOMPARE(error->kind, PlatformError::Kind::Invalid);
            QCOMPARE(error->message,
                     QStringLiteral("network must be \"on\" or \"off\", not \"%1\"").arg(QLatin1StringView(bad)));
        }
    }

    void sandboxLimitsParseWriteAndMerge()
    {
        const auto parsed = ActionLimits::fromJson(QJsonObject{{QStringLiteral("memory"), 256},
                                                               {QStringLiteral("storage"), 2048},
                                                               {QStringLiteral("network"), QStringLiteral("off")},
                                                               {QStringLiteral("minInstances"), 2}});
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->storageMb, 2048);
        QCOMPARE(parsed->network, QStringLiteral("off"));
        QCOMPARE(parsed->minInstances, 2);
        QVERIFY(parsed->extra.isEmpty()); // known fields, not passed through as unknown ones
        const QJsonObject written = parsed->toJson();
        QCOMPARE(written.value(QLatin1StringView("storage")).toInteger(), 2048);
        QCOMPARE(written.value(QLatin1StringView("network")).toString(), QStringLiteral("off"));
        QCOMPARE(written.value(QLatin1StringView("minInstances")).toInteger(), 2);
        // Unset fields are not written: a stock OpenWhisk sees exactly what it sent.
        QVERIFY(!ActionLimits().toJson().contains(QLatin1StringView("storage")));
        QVERIFY(!ActionLimits().toJson().contains(QLatin1StringView("network")));

        ActionLimits update;
        update.network = QStringLiteral("on");
        const ActionLimits merged = parsed->mergedWith(update);
        QCOMPARE(merged.network, QStringLiteral("on"));
        QCOMPARE(merged.storageMb, 2048);
        QCOMPARE(merged.minInstances, 2);

        for (const char *bad : {R"({"storage": "big"})", R"({"network": false})", R"({"minInstances": 1.5})"}) {
            const auto wrong = ActionLimits::fromJson(QJsonDocument::fromJson(bad).object());
            QVERIFY2(!wrong.ok(), bad);
            QCOMPARE(wrong.error().kind, PlatformError::Kind::Invalid);
        }
    }

    void sandboxDefaultsFillUnsetFields()
    {
        const ActionLimits filled = SystemLimits().withDefaults(ActionLimits());
        QCOMPARE(filled.storageMb, 512);
        QCOMPARE(filled.network, QStringLiteral("on"));
        QCOMPARE(filled.minInstances, 0);
        ActionLimits given;
        given.storageMb = 4096;
        given.network = QStringLiteral("off");
        given.minInstances = 3;
        const ActionLimits kept = SystemLimits().withDefaults(given);
        QCOMPARE(kept.storageMb, 4096);
        QCOMPARE(kept.network, QStringLiteral("off"));
        QCOMPARE(kept.minInstances, 3);
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
