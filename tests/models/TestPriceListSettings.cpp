// PriceListSettings: the price list and budget chosen per connection and the Custom list survive
// a restart (a fresh QSettings on the same INI file), stay apart per connection, and invalid
// figures are refused with a message and change nothing.

#include "models/metrics/PriceListSettings.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace funcdesk;

class TestPriceListSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString settingsPath() const { return m_dir.filePath(QStringLiteral("funcdesk.ini")); }
    const QString kRemote = QStringLiteral("{6f1c2a9e-3b7d-4e1a-9c55-0d2e8f7a1b34}");

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { QFile::remove(settingsPath()); }

    void defaultsAreAwsX86AndNoBudget()
    {
        const QSettings settings(settingsPath(), QSettings::IniFormat);
        QCOMPARE(PriceListSettings::chosen(settings, QStringLiteral("local")).id, QStringLiteral("aws-lambda-x86"));
        QCOMPARE(PriceListSettings::budget(settings, QStringLiteral("local")), 0.0);
        QCOMPARE(PriceListSettings::custom(settings), PriceList::byId(QStringLiteral("custom")));
    }

    void choiceAndBudgetRoundTripPerConnection()
    {
        {
            QSettings settings(settingsPath(), QSettings::IniFormat);
            PriceListSettings::choose(settings, QStringLiteral("local"), QStringLiteral("gcp-functions"));
            PriceListSettings::choose(settings, kRemote, QStringLiteral("azure-consumption"));
            QCOMPARE(PriceListSettings::setBudget(settings, QStringLiteral("local"), 12.5), QString());
            QCOMPARE(PriceListSettings::setBudget(settings, kRemote, 300.0), QString());
        }
        const QSettings reopened(settingsPath(), QSettings::IniFormat);
        QCOMPARE(PriceListSettings::chosen(reopened, QStringLiteral("local")),
                 PriceList::byId(QStringLiteral("gcp-functions")));
        QCOMPARE(PriceListSettings::chosen(reopened, kRemote).id, QStringLiteral("azure-consumption"));
        QCOMPARE(PriceListSettings::budget(reopened, QStringLiteral("local")), 12.5);
        QCOMPARE(PriceListSettings::budget(reopened, kRemote), 300.0);
        // A third connection sees neither choice.
        QCOMPARE(PriceListSettings::chosen(reopened, QStringLiteral("other")).id, QStringLiteral("aws-lambda-x86"));
        QCOMPARE(PriceListSettings::budget(reopened, QStringLiteral("other")), 0.0);
    }

    void connectionIdsCannotReachOtherKeys()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        // An id that looks like a key path stays one key under its own connection.
        PriceListSettings::choose(settings, QStringLiteral("../custom/currency"), QStringLiteral("ibm-functions"));
        PriceListSettings::choose(settings, QStringLiteral("a/b"), QStringLiteral("alibaba-fc3"));
        QCOMPARE(PriceListSettings::custom(settings).currency, QStringLiteral("USD"));
        QCOMPARE(PriceListSettings::chosen(settings, QStringLiteral("a")).id, QStringLiteral("aws-lambda-x86"));
        QCOMPARE(PriceListSettings::chosen(settings, QStringLiteral("a/b")).id, QStringLiteral("alibaba-fc3"));
    }

    void unknownListFallsBackToAwsX86()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        PriceListSettings::choose(settings, QStringLiteral("local"), QStringLiteral("retired-list"));
        QCOMPARE(PriceListSettings::chosenId(settings, QStringLiteral("local")), QStringLiteral("retired-list"));
        QCOMPARE(PriceListSettings::chosen(settings, QStringLiteral("local")).id, QStringLiteral("aws-lambda-x86"));
    }

    void customListRoundTripsAndIsWhatChoosingCustomGives()
    {
        PriceList edited = PriceList::byId(QStringLiteral("custom"));
        edited.currency = QStringLiteral("EUR");
        edited.pricePerRequest = 0.0000003;
        edited.pricePerGbSecond = 0.0000123456789;
        edited.pricePerVcpuSecond = 0.00002;
        edited.pricePerDiskGbSecond = 0.0000001;
        edited.freeDiskMb = 1024;
        edited.granularityMs = 100;
        edited.minimumMs = 200;
        edited.freeTier = FreeTier{2'000'000.0, 100'000.0, 50'000.0};
        {
            QSettings settings(settingsPath(), QSettings::IniFormat);
            QCOMPARE(PriceListSettings::setCustom(settings, edited), QString());
            PriceListSettings::choose(settings, kRemote, QStringLiteral("custom"));
        }
        const QSettings reopened(settingsPath(), QSettings::IniFormat);
        QCOMPARE(PriceListSettings::custom(reopened), edited);
        QCOMPARE(PriceListSettings::chosen(reopened, kRemote), edited);
        // Its id and name stay the Custom list's whatever the caller passed.
        QCOMPARE(PriceListSettings::custom(reopened).id, QStringLiteral("custom"));
    }

    void validationNamesTheProblem()
    {
        const PriceList good = PriceList::byId(QStringLiteral("custom"));
        QCOMPARE(PriceListSettings::validate(good), QString());
        for (const PriceList &preset : PriceList::presets())
            QVERIFY2(PriceListSettings::validate(preset).isEmpty(), qPrintable(preset.id));

        PriceList bad = good;
        bad.pricePerGbSecond = -0.0000001;
        QCOMPARE(PriceListSettings::validate(bad), QStringLiteral("The price per GB-second must be zero or more."));
        bad = good;
        bad.pricePerRequest = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(PriceListSettings::validate(bad), QStringLiteral("The price per request must be zero or more."));
        bad = good;
        bad.freeTier.gbSeconds = -1.0;
        QCOMPARE(PriceListSettings::validate(bad), QStringLiteral("The free GB-seconds must be zero or more."));
        bad = good;
        bad.granularityMs = 0;
        QCOMPARE(PriceListSettings::validate(bad),
                 QStringLiteral("The billing granularity must be between 1 ms and 3600000 ms."));
        bad = good;
        bad.minimumMs = -1;
        QCOMPARE(PriceListSettings::validate(bad),
                 QStringLiteral("The minimum billed duration must be between 0 ms and 3600000 ms."));
        bad = good;
        bad.currency = QStringLiteral(" ");
        QCOMPARE(PriceListSettings::validate(bad), QStringLiteral("The currency must not be empty."));
    }

    void invalidInputIsRefusedAndLosesNothing()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        PriceList saved = PriceList::byId(QStringLiteral("custom"));
        saved.pricePerGbSecond = 0.00001;
        QCOMPARE(PriceListSettings::setCustom(settings, saved), QString());
        PriceList broken = saved;
        broken.granularityMs = 0;
        broken.pricePerRequest = 1.0;
        QVERIFY(!PriceListSettings::setCustom(settings, broken).isEmpty());
        QCOMPARE(PriceListSettings::custom(settings), saved);

        QCOMPARE(PriceListSettings::setBudget(settings, QStringLiteral("local"), 40.0), QString());
        QCOMPARE(PriceListSettings::setBudget(settings, QStringLiteral("local"), -5.0),
                 QStringLiteral("The monthly budget must be zero (no budget) or a positive amount."));
        QVERIFY(
            !PriceListSettings::setBudget(settings, QStringLiteral("local"), std::numeric_limits<double>::infinity())
                 .isEmpty());
        QCOMPARE(PriceListSettings::budget(settings, QStringLiteral("local")), 40.0);
    }

    void handEditedInvalidCustomFiguresFallBackToTheShippedCustomList()
    {
        {
            QSettings settings(settingsPath(), QSettings::IniFormat);
            settings.setValue(QStringLiteral("pricing/custom/granularityMs"), 0);
            settings.setValue(QStringLiteral("pricing/connections/local/budget"), -3.0);
        }
        const QSettings reopened(settingsPath(), QSettings::IniFormat);
        QCOMPARE(PriceListSettings::custom(reopened), PriceList::byId(QStringLiteral("custom")));
        QCOMPARE(PriceListSettings::budget(reopened, QStringLiteral("local")), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestPriceListSettings)
#include "TestPriceListSettings.moc"
