#include "ui/views/Views.h"

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QLibrary>

#include <dlfcn.h>

#include <utility>

#ifndef FUNCDESK_BINDIR_TO_VIEWSDIR
#define FUNCDESK_BINDIR_TO_VIEWSDIR "../lib/funcdesk/modules"
#endif

namespace funcdesk::views {

namespace {

constexpr char kEntry[] = "funcdesk_views_factories";
constexpr char kFileName[] = "libfuncdesk_views.so";

struct Module
{
    const ViewFactories *factories = nullptr;
    QString error;
};

Module load()
{
    using Entry = const ViewFactories *(*)();
    // A program that links the module (the tests that look inside its views) has it already.
    auto entry = reinterpret_cast<Entry>(::dlsym(RTLD_DEFAULT, kEntry));
    QStringList tried;
    if (!entry) {
        const QString programDir = QCoreApplication::applicationDirPath();
        // FUNCDESK_VIEWS_DIR: that folder only. Else installed: LIBDIR/funcdesk/modules relative to
        // BINDIR; a build tree: every program sits two folders below the build folder (app/funcdesk/,
        // tests/gui/), the module in lib/funcdesk.
        QStringList folders{
            QDir::cleanPath(programDir + QLatin1Char('/') + QStringLiteral(FUNCDESK_BINDIR_TO_VIEWSDIR)),
            QDir::cleanPath(programDir + QStringLiteral("/../../lib/funcdesk"))};
        if (qEnvironmentVariableIsSet("FUNCDESK_VIEWS_DIR"))
            folders = {qEnvironmentVariable("FUNCDESK_VIEWS_DIR")};
        for (const QString &folder : std::as_const(folders)) {
            QLibrary library(folder + QLatin1Char('/') + QLatin1String(kFileName));
            library.setLoadHints(QLibrary::ResolveAllSymbolsHint); // a missing symbol fails here, not later
            if (library.load()) {
                entry = reinterpret_cast<Entry>(library.resolve(kEntry));
                if (entry)
                    break;
                tried.append(library.errorString());
                library.unload(); // not ours
                continue;
            }
            tried.append(library.errorString());
        }
    }
    if (!entry)
        return {nullptr, tried.join(QStringLiteral("; "))};
    const ViewFactories *factories = entry();
    if (!factories || factories->abi != ViewFactories::kAbi)
        return {nullptr, QCoreApplication::translate("funcdesk::views", "%1 belongs to another version of Funcdesk")
                             .arg(QLatin1String(kFileName))};
    return {factories, QString()};
}

const Module &module()
{
    static const Module loaded = load();
    return loaded;
}

// What stands in for a chart when the module is missing: the reason, in the chart's place.
class UnavailableChart : public QLabel, public MetricsChartApi, public BarsChartApi, public PowerTuningChartApi
{
public:
    explicit UnavailableChart(QWidget *parent) : QLabel(parent)
    {
        setObjectName(QStringLiteral("unavailableView"));
        setWordWrap(true);
        setAlignment(Qt::AlignCenter);
        setText(loadError());
    }
    QWidget *widget() override { return this; }
    MetricsChart *metricsChart() override { return nullptr; }
    BarsChart *barsChart() override { return nullptr; }
    PowerTuningChart *tuningChart() override { return nullptr; }
    void setValueText(std::function<QString(double)>) override {}
    void setData(const ChartData &) override {}
    void clear() override {}
    int plotWidth() const override { return 2; }
    void setCallbacks(std::function<void(const QDateTime &, qint64)>, std::function<void(int)>) override {}
    void setBars(const QStringList &, const QList<double> &) override {}
    void setRows(const QList<TuningChartRow> &, const QString &) override {}
};

} // namespace

bool available()
{
    return module().factories != nullptr;
}

QString loadError()
{
    const Module &loaded = module();
    if (loaded.factories)
        return QString();
    return QCoreApplication::translate("funcdesk::views",
                                       "Charts and the code editor are not available: %1 could not be loaded (%2).")
        .arg(QLatin1String(kFileName), loaded.error);
}

MetricsChartApi *createMetricsChart(const QString &title, MetricsChartApi::Style style, QWidget *parent)
{
    if (const ViewFactories *factories = module().factories)
        return factories->metricsChart(title, style, parent);
    return new UnavailableChart(parent);
}

BarsChartApi *createBarsChart(const QString &title, Qt::Orientation orientation, QWidget *parent)
{
    if (const ViewFactories *factories = module().factories)
        return factories->barsChart(title, orientation, parent);
    return new UnavailableChart(parent);
}

PowerTuningChartApi *createPowerTuningChart(QWidget *parent)
{
    if (const ViewFactories *factories = module().factories)
        return factories->powerTuningChart(parent);
    return new UnavailableChart(parent);
}

CodeViewApi *createCodeView(QWidget *editor)
{
    if (const ViewFactories *factories = module().factories)
        return factories->codeView(editor);
    return nullptr;
}

} // namespace funcdesk::views
