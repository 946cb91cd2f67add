#include "models/deploy/ProjectDeployment.h"

#include "core/FutureCallback.h"
#include "deploy/Deployer.h"
#include "deploy/ManifestReader.h"
#include "platforms/openwhisk/OpenWhiskPlatform.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent>

namespace funcdesk {

namespace {

const QString kLastFolder = QStringLiteral("deploy/lastFolder");

// What the reader's places start with for a manifest in `folder` ("/home/ada/project/"): they
// read as "manifest.yaml:3:5: …" without it.
QString placePrefix(const QString &folder)
{
    const QString path = ProjectDeployment::manifestPath(folder);
    return path.left(path.lastIndexOf(QLatin1Char('/')) + 1);
}

} // namespace

struct ProjectDeployment::Plan
{
    Manifest manifest;
};

ProjectDeployment::ProjectDeployment(QObject *parent) : QAbstractTableModel(parent)
{
}

ProjectDeployment::~ProjectDeployment()
{
    ++m_generation; // the deployer's last word (it was stopped) is not ours to show
    delete m_deployer;
}

QString ProjectDeployment::lastFolder(const QSettings &settings)
{
    return settings.value(kLastFolder).toString();
}

void ProjectDeployment::setLastFolder(QSettings &settings, const QString &folder)
{
    settings.setValue(kLastFolder, folder);
}

QString ProjectDeployment::manifestPath(const QString &folder)
{
    const QString yaml = QDir(folder).filePath(QStringLiteral("manifest.yaml"));
    const QString yml = QDir(folder).filePath(QStringLiteral("manifest.yml"));
    return !QFileInfo::exists(yaml) && QFileInfo::exists(yml) ? yml : yaml;
}

bool ProjectDeployment::isBusy() const
{
    return m_state == State::Reading || m_state == State::Planning || m_state == State::Deploying;
}

bool ProjectDeployment::canDeploy() const
{
    return m_state == State::Planned && m_platform && canDeployRows(m_rows);
}

QString ProjectDeployment::summary() const
{
    return m_summary;
}

void ProjectDeployment::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged();
}

void ProjectDeployment::showRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ProjectDeployment::stopDeployer()
{
    ++m_generation;
    delete m_deployer; // between two platform calls: it calls nothing more
}

void ProjectDeployment::setPlatform(Platform *platform)
{
    if (platform == m_platform)
        return;
    m_platform = platform;
    open(m_folder);
}

void ProjectDeployment::cancel()
{
    if (!isBusy())
        return;
    const bool deploying = m_state == State::Deploying;
    stopDeployer();
    m_summary = deploying ? tr("Stopped: what was applied before stays applied.") : tr("Stopped.");
    setState(deploying ? State::Deployed : State::Failed);
    if (deploying) // some entities may have been applied: the lists showing the platform are stale
        Q_EMIT deployed();
}

void ProjectDeployment::open(const QString &folder)
{
    stopDeployer();
    m_folder = folder.trimmed();
    m_plan.reset();
    m_error.clear();
    m_warnings.clear();
    m_summary.clear();
    showRows({});
    if (m_folder.isEmpty()) {
        setState(State::Empty);
        return;
    }
    if (!QFileInfo(m_folder).isDir()) {
        m_error = tr("%1 is not a folder.").arg(m_folder);
        setState(State::Failed);
        return;
    }
    const QString path = manifestPath(m_folder);
    if (!QFileInfo::exists(path)) {
        m_error = tr("There is no manifest.yaml (or manifest.yml) in %1.").arg(m_folder);
        setState(State::Failed);
        return;
    }
    setState(State::Reading);
    const quint64 generation = m_generation;
    // The reader reads every function file (up to 48 MB each): not on the GUI thread.
    onResult(QtConcurrent::run([path] { return ManifestReader::readFile(path); }), this,
             [this, generation](Result<Manifest> read) {
                 if (generation != m_generation)
                     return;
                 const QString prefix = placePrefix(m_folder);
                 if (!read) {
                     m_error = QString(read.error().message).replace(prefix, QString());
                     setState(State::Failed);
                     return;
                 }
                 QStringList warnings;
                 for (const ManifestProblem &warning : std::as_const(read->warnings))
                     warnings.append(warning.toString().replace(prefix, QString()));
                 m_warnings = warnings.join(QLatin1Char('\n'));
                 m_plan = std::make_shared<Plan>(Plan{std::move(read).value()});
                 run(true);
             });
}

void ProjectDeployment::deploy()
{
    if (canDeploy())
        run(false);
}

void ProjectDeployment::run(bool dryRun)
{
    if (!m_platform) {
        m_error = tr("There is no connection to deploy to: choose one in the Connection menu.");
        setState(State::Failed);
        return;
    }
    ++m_generation;
    const quint64 generation = m_generation;
    m_error.clear();
    setState(dryRun ? State::Planning : State::Deploying);
    const auto fail = [this](const QString &message) {
        m_error = message;
        setState(State::Failed);
    };
    const auto start = [this, dryRun, generation, fail] {
        if (generation != m_generation)
            return;
        if (!m_platform)
            return fail(tr("The connection was closed."));
        m_deployer = new Deployer(m_platform, m_plan->manifest, this);
        onResult(m_deployer->run(dryRun), this, [this, dryRun, generation, fail](Result<DeployReport> done) {
            if (generation != m_generation)
                return;
            if (m_deployer)
                m_deployer->deleteLater();
            if (!done)
                return fail(done.error().message);
            finish(done.value(), dryRun);
        });
    };
    // Sequence components and rules name entities in full: an OpenWhisk connection learns the
    // namespace of its key first ("_" means "the key's"), as `funcdeskd deploy --url` does.
    auto *remote = qobject_cast<OpenWhiskPlatform *>(m_platform.data());
    if (!remote || remote->namespaceName() != QLatin1StringView("_")) {
        start();
        return;
    }
    onResult(remote->resolveNamespace(), this, [this, generation, start, fail](Result<QString> resolved) {
        if (generation != m_generation)
            return;
        if (!resolved)
            return fail(resolved.error().message);
        start();
    });
}

void ProjectDeployment::finish(const DeployReport &report, bool dryRun)
{
    const QString prefix = placePrefix(m_folder);
    if (report.stage == DeployReport::Stage::Reading || report.stage == DeployReport::Stage::Checking) {
        // Nothing was planned or applied: the error says why (a refused runtime names its place).
        m_error = report.error ? QString(report.error->message).replace(prefix, QString()) : QString();
        setState(State::Failed);
        return;
    }
    const bool stopped = report.stage == DeployReport::Stage::Applying;
    QList<Row> rows;
    for (const DeployEntry &entry : report.entries) {
        Row row;
        row.verdict = verdictText(entry.verdict);
        row.kind = kindText(entry.kind);
        row.name = entry.name;
        row.changes = entry.verdict != DeployVerdict::Unchanged;
        const bool failed =
            stopped && report.failed && report.failed->kind == entry.kind && report.failed->name == entry.name;
        if (failed) {
            row.outcome = tr("failed");
            row.failed = true;
        } else if (entry.applied) {
            row.outcome = tr("applied");
        } else if (!dryRun && entry.verdict == DeployVerdict::Unchanged) {
            row.outcome = tr("left alone");
        } else if (!dryRun) {
            row.outcome = tr("not applied");
        }
        rows.append(row);
    }
    showRows(rows);
    const QString counts = tr("%1 created, %2 changed, %3 unchanged")
                               .arg(report.count(DeployVerdict::Created))
                               .arg(report.count(DeployVerdict::Changed))
                               .arg(report.count(DeployVerdict::Unchanged));
    if (stopped) {
        m_summary = tr("Stopped: %1 of %2 entities applied.").arg(report.appliedCount()).arg(report.entries.size());
        const QString where =
            report.failed ? tr("%1 %2: ").arg(kindText(report.failed->kind), report.failed->name) : QString();
        m_error = where + (report.error ? report.error->message : QString());
    } else if (dryRun) {
        m_summary = canDeployRows(rows)
                        ? tr("Plan: %1. Nothing is applied until you click Deploy.").arg(counts)
                        : tr("Nothing to deploy: the platform already matches the manifest (%1).").arg(counts);
    } else {
        m_summary = tr("Deployed: %1.").arg(counts);
    }
    setState(dryRun ? State::Planned : State::Deployed);
    if (!dryRun && report.appliedCount() > 0)
        Q_EMIT deployed();
}

int ProjectDeployment::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProjectDeployment::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProjectDeployment::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (role == Qt::ToolTipRole)
        return row.failed ? m_error : QVariant();
    switch (index.column()) {
    case VerdictColumn:
        return row.verdict;
    case KindColumn:
        return row.kind;
    case NameColumn:
        return row.name;
    case OutcomeColumn:
        return row.outcome;
    default:
        return {};
    }
}

QVariant ProjectDeployment::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VerdictColumn:
        return tr("Verdict");
    case KindColumn:
        return tr("Kind");
    case NameColumn:
        return tr("Name");
    case OutcomeColumn:
        return tr("Outcome");
    default:
        return {};
    }
}

QString ProjectDeployment::verdictText(DeployVerdict verdict)
{
    switch (verdict) {
    case DeployVerdict::Created:
        return tr("created");
    case DeployVerdict::Changed:
        return tr("changed");
    case DeployVerdict::Unchanged:
        return tr("unchanged");
    }
    return {};
}

QString ProjectDeployment::kindText(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Package:
        return tr("package");
    case EntityKind::Action:
        return tr("action");
    case EntityKind::Sequence:
        return tr("sequence");
    case EntityKind::Trigger:
        return tr("trigger");
    case EntityKind::Rule:
        return tr("rule");
    }
    return {};
}

bool ProjectDeployment::canDeployRows(const QList<Row> &rows)
{
    return std::any_of(rows.begin(), rows.end(), [](const Row &row) { return row.changes; });
}

} // namespace funcdesk
