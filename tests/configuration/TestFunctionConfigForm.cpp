// The configuration form: reads an action, validates against the platform's limits with a
// message per field, and writes back exactly the update to send.

#include "models/configuration/FunctionConfigForm.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace funcdesk;

namespace {
PlatformInfo funcdeskPlatform()
{
    PlatformInfo info;
    info.limits.memoryMb = {128, 2048, 256};
    info.limits.concurrency = {1, 100, 1};
    info.limits.cpu = {0.05, 2.0, 0.25};
    info.cpuLimits = true;
    info.storageLimits = true;
    return info;
}

Action action(const char *json)
{
    return Action::fromJson(QJsonDocument::fromJson(QByteArray(json)).object()).value();
}
} // namespace

class TestFunctionConfigForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsLimitsParametersAndAnnotations()
    {
        const FunctionConfigForm form(action(R"({"name": "a", "limits": {"memory": 512, "cpu": 0.5},
            "parameters": [{"key": "region", "value": "eu"}, {"key": "n", "value": 3}, {"key": "TOKEN", "value": "s3cr3t", "init": true}],
            "annotations": [{"key": "web-export", "value": true}, {"key": "funcdesk-secret-parameters", "value": ["TOKEN"]}]})"),
                                      funcdeskPlatform());
        QCOMPARE(form.memoryMb, 512);
        QCOMPARE(form.timeoutMs, 60000); // the platform's default fills what the action leaves out
        QCOMPARE(form.cpu, 0.5);
        QVERIFY(form.webExport);
        QCOMPARE(form.parameters.size(), 3);
        QCOMPARE(form.parameters.at(0).valueText, QStringLiteral("eu"));
        QCOMPARE(form.parameters.at(1).valueText, QStringLiteral("3"));
        QVERIFY(form.parameters.at(2).environment);
        QVERIFY(form.parameters.at(2).secret);
        QVERIFY(form.validate().isEmpty());
    }

    void outOfRangeFieldsGetTheirOwnMessage()
    {
        FunctionConfigForm form(action(R"({"name": "a"})"), funcdeskPlatform());
        form.memoryMb = 4096;
        form.timeoutMs = 50;
        form.cpu = 3.0;
        form.parameters = {{QStringLiteral("x"), QStringLiteral("1"), false, false},
                           {QStringLiteral("x"), QStringLiteral("2"), false, false}};
        const auto errors = form.validate();
        QCOMPARE(errors.value(FunctionConfigForm::Field::Memory), QStringLiteral("Allowed: 128 to 2048 MB."));
        QVERIFY(errors.contains(FunctionConfigForm::Field::Timeout));
        QVERIFY(errors.contains(FunctionConfigForm::Field::Cpu));
        QVERIFY(errors.value(FunctionConfigForm::Field::Parameters).contains(QLatin1StringView("twice")));
        QVERIFY(!errors.contains(FunctionConfigForm::Field::Logs));
    }

    void cpuIsDisabledWithAReasonWhereThePlatformHasNone()
    {
        PlatformInfo stock; // a stock OpenWhisk: no limits.cpu
        FunctionConfigForm form(action(R"({"name": "a", "limits": {"memory": 256}})"), stock);
        QVERIFY(!form.cpuSupported());
        QVERIFY(!form.cpuUnsupportedReason().isEmpty());
        form.cpu = 1.0;
        QVERIFY(!form.toUpdate().limits->cpu.has_value()); // never sent to a platform that ignores it
        QCOMPARE(FunctionConfigForm(action(R"({"name": "a", "limits": {"memory": 1024}})"), funcdeskPlatform())
                     .automaticCpuText(),
                 QStringLiteral("1 vCPU (follows memory)"));
    }

    void cpuFiguresHaveOnePrecisionEverywhere()
    {
        // Up to three decimals, no trailing zeros: what the note says is what the box shows.
        QCOMPARE(FunctionConfigForm::cpuText(0.125), QStringLiteral("0.125"));
        QCOMPARE(FunctionConfigForm::cpuText(0.25), QStringLiteral("0.25"));
        QCOMPARE(FunctionConfigForm::cpuText(1.0), QStringLiteral("1"));
        QCOMPARE(FunctionConfigForm::cpuText(2.5), QStringLiteral("2.5"));
        QCOMPARE(FunctionConfigForm(action(R"({"name": "a", "limits": {"memory": 128}})"), funcdeskPlatform())
                     .automaticCpuText(),
                 QStringLiteral("0.125 vCPU (follows memory)"));
    }

    void storageNetworkAndMinimumInstancesRoundTrip()
    {
        FunctionConfigForm form(
            action(R"({"name": "a", "limits": {"storage": 2048, "network": "off", "minInstances": 2},
            "warmInstances": 1})"),
            funcdeskPlatform());
        QVERIFY(form.storageSupported());
        QCOMPARE(form.storageMb, 2048);
        QVERIFY(!form.networkOn);
        QCOMPARE(form.minInstances, 2);
        QCOMPARE(form.warmInstancesText(), QStringLiteral("Warm now: 1"));
        QVERIFY(form.storageNote().contains(QLatin1StringView("/tmp")));
        form.networkOn = true;
        form.minInstances = 0;
        const ActionLimits sent = *form.toUpdate().limits;
        QCOMPARE(sent.storageMb, 2048);
        QCOMPARE(sent.network, QStringLiteral("on"));
        QCOMPARE(sent.minInstances, 0);

        // Without them on the action: the platform's defaults; no warm count said, none shown.
        const FunctionConfigForm defaults(action(R"({"name": "a"})"), funcdeskPlatform());
        QCOMPARE(defaults.storageMb, 512);
        QVERIFY(defaults.networkOn);
        QCOMPARE(defaults.minInstances, 0);
        QVERIFY(defaults.warmInstancesText().isEmpty());
        QVERIFY(!(defaults == form)); // a change enables Apply
    }

    void storageAndMinimumInstancesOutOfRangeGetTheirOwnMessage()
    {
        FunctionConfigForm form(action(R"({"name": "a"})"), funcdeskPlatform());
        form.storageMb = 100;
        form.minInstances = 9;
        const auto errors = form.validate();
        QCOMPARE(errors.value(FunctionConfigForm::Field::Storage), QStringLiteral("Allowed: 512 to 10240 MB."));
        QCOMPARE(errors.value(FunctionConfigForm::Field::MinInstances), QStringLiteral("Allowed: 0 to 8."));
        QCOMPARE(errors.size(), 2);
    }

    void storageFieldsAreNeitherCheckedNorSentWhereThePlatformHasNone()
    {
        PlatformInfo stock; // a stock OpenWhisk: no storageLimits
        FunctionConfigForm form(action(R"({"name": "a", "limits": {"memory": 256}})"), stock);
        QVERIFY(!form.storageSupported());
        form.storageMb = 1; // out of any range, but the field is hidden there
        form.networkOn = false;
        form.minInstances = 3;
        QVERIFY(form.validate().isEmpty());
        const ActionLimits sent = *form.toUpdate().limits;
        QVERIFY(!sent.storageMb && !sent.network && !sent.minInstances);
    }

    void updateCarriesParametersAsJsonOrText()
    {
        FunctionConfigForm form(
            action(R"({"name": "a", "annotations": [{"key": "funcdesk-secret-parameters", "value": ["OLD"]}]})"),
            funcdeskPlatform());
        form.parameters = {{QStringLiteral("count"), QStringLiteral("42"), false, false},
                           {QStringLiteral("greeting"), QStringLiteral("hello world"), false, false},
                           {QStringLiteral("quoted"), QStringLiteral("\"42\""), false, false},
                           {QStringLiteral("KEY"), QStringLiteral("abc"), true, false}};
        const Action update = form.toUpdate();
        QCOMPARE(update.parameters->value(QStringLiteral("count")), QJsonValue(42));
        QCOMPARE(update.parameters->value(QStringLiteral("greeting")), QJsonValue(QStringLiteral("hello world")));
        QCOMPARE(update.parameters->value(QStringLiteral("quoted")), QJsonValue(QStringLiteral("42")));
        QVERIFY(update.parameters->items().at(3).extra.value(QLatin1StringView("init")).toBool());
        QCOMPARE(form.removedAnnotations(), QStringList{FunctionConfigForm::secretAnnotation()});
        QCOMPARE(FunctionConfigForm::parameterText(QJsonValue(QStringLiteral("42"))), QStringLiteral("\"42\""));
        QCOMPARE(FunctionConfigForm::parameterText(QJsonValue(QStringLiteral("plain"))), QStringLiteral("plain"));
    }
};

QTEST_GUILESS_MAIN(TestFunctionConfigForm)
#include "TestFunctionConfigForm.moc"
