#pragma once

#include "core/Platform.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSettings>

#include <memory>

namespace funcdesk {

class Deployer;
struct DeployReport;
enum class DeployVerdict;
enum class EntityKind;

// File ▸ Deploy project…: a project folder's manifest.yaml (deploy/ManifestReader) planned against
// the current connection with a dry run, then applied (deploy/Deployer), as `funcdeskd deploy`
// does. One row per entity in the order the deployer applies them: verdict (created, changed,
// unchanged), kind, name, and the outcome. The widgets get text only: no deploy/ type leaves.
class ProjectDeployment : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { VerdictColumn, KindColumn, NameColumn, OutcomeColumn, ColumnCount };
    enum class State {
        Empty,     // no folder, or no connection
        Reading,   // reading the manifest and its function files
        Planning,  // the dry run
        Planned,   // the plan is shown: deploy() applies it
        Deploying, // applying
        Deployed,  // applied (errorText() says when it stopped at an entity)
        Failed,    // the manifest is invalid or the platform failed before anything was applied
    };
    Q_ENUM(State)

    explicit ProjectDeployment(QObject *parent = nullptr);
    ~ProjectDeployment() override;

    // The connection the plan is made against and the deployment goes to; plans the open folder
    // again. nullptr: none (the state is Empty, with an error saying so).
    void setPlatform(Platform *platform);
    // Reads FOLDER/manifest.yaml (else manifest.yml) off the GUI thread, then plans it. An empty
    // folder clears the plan. Any running read, plan or deployment is stopped first.
    void open(const QString &folder);
    // Applies the plan (state Planned, something to apply). Emits deployed() when it applied anything.
    void deploy();
    // Stops a running read, plan or deployment. The deployer stops between two platform calls: an
    // entity whose call is in flight may still be applied; the rows say what was known to be.
    void cancel();

    State state() const { return m_state; }
    bool isBusy() const;
    bool canDeploy() const;
    QString folder() const { return m_folder; }
    // The manifest's error ("manifest.yaml:12:7: …", the file named relative to the folder) or
    // the platform's; empty when there is none.
    QString errorText() const { return m_error; }
    // Keys of the manifest that have no effect, one "manifest.yaml:LINE:COLUMN: …" per line.
    QString warningText() const { return m_warnings; }
    // "2 created, 1 changed, 0 unchanged", with what it is (plan, deployed, stopped).
    QString summary() const;

    // The project folder the dialog last read, remembered across sessions.
    static QString lastFolder(const QSettings &settings);
    static void setLastFolder(QSettings &settings, const QString &folder);
    // FOLDER/manifest.yaml, else FOLDER/manifest.yml when only that one exists (`funcdeskd deploy`'s rule).
    static QString manifestPath(const QString &folder);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void stateChanged();
    // A deployment applied at least one entity, or was stopped (one may have been): the lists
    // showing the platform are stale.
    void deployed();

private:
    struct Plan;
    struct Row
    {
        QString verdict;
        QString kind;
        QString name;
        QString outcome;
        bool failed = false;
        bool changes = false; // created or changed: something to apply
    };

    static QString verdictText(DeployVerdict verdict);
    static QString kindText(EntityKind kind);
    static bool canDeployRows(const QList<Row> &rows);

    void setState(State state);
    void run(bool dryRun);
    void finish(const DeployReport &report, bool dryRun);
    void stopDeployer();
    void showRows(QList<Row> rows);

    QPointer<Platform> m_platform;
    QString m_folder;
    State m_state = State::Empty;
    QString m_error;
    QString m_warnings;
    QString m_summary;
    QList<Row> m_rows;
    std::shared_ptr<Plan> m_plan; // the manifest read, for the dry run and the deployment
    QPointer<Deployer> m_deployer;
    quint64 m_generation = 0; // answers of a stopped read or run are ignored
};

} // namespace funcdesk
