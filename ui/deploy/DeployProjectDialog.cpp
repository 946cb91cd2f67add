#include "ui/deploy/DeployProjectDialog.h"

#include "models/deploy/ProjectDeployment.h"
#include "ui/shell/ErrorLabel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace funcdesk {

namespace {
constexpr int kTypingPauseMs = 600; // a typed folder is read once typing pauses this long
} // namespace

DeployProjectDialog::DeployProjectDialog(Platform *platform, const QString &connectionName, QSettings *settings,
                                         QWidget *parent)
    : QDialog(parent), m_settings(settings), m_deployment(new ProjectDeployment(this))
{
    setObjectName(QStringLiteral("deployProjectDialog"));
    setWindowTitle(tr("Deploy project to %1").arg(connectionName));

    auto *intro = new QLabel(tr("Deploys the packages, actions, sequences, triggers and rules of a project's "
                                "manifest.yaml (the format of wskdeploy) in one go. The plan below is what "
                                "Deploy would do; nothing is applied before you click it."),
                             this);
    intro->setWordWrap(true);

    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("deployFolderEdit"));
    m_folder->setPlaceholderText(tr("The folder holding manifest.yaml"));
    m_folder->setClearButtonEnabled(true);
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("deployBrowseButton"));
    m_browse->setAutoDefault(false);
    auto *folderLabel = new QLabel(tr("Project &folder:"), this);
    folderLabel->setBuddy(m_folder);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(folderLabel);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);

    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("deployProgress"));
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("deployError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setError(true);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("deployWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_plan = new QTableView(this);
    m_plan->setObjectName(QStringLiteral("deployPlanView"));
    m_plan->setModel(m_deployment);
    m_plan->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_plan->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_plan->verticalHeader()->hide();
    m_plan->setAlternatingRowColors(true);
    m_plan->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_plan->horizontalHeader()->setSectionResizeMode(ProjectDeployment::NameColumn, QHeaderView::Stretch);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("deploySummary"));
    m_summary->setWordWrap(true);

    m_buttons = new QDialogButtonBox(this);
    m_deploy = m_buttons->addButton(tr("&Deploy"), QDialogButtonBox::ApplyRole);
    m_deploy->setObjectName(QStringLiteral("deployButton"));
    m_close = m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole); // "Close" once deployed
    m_close->setObjectName(QStringLiteral("deployCloseButton"));
    for (QPushButton *button : {m_deploy, m_close})
        button->setAutoDefault(false); // Enter in the folder field reads the folder, it never deploys

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(folderRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_error);
    layout->addWidget(m_warnings);
    layout->addWidget(m_plan, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingPauseMs);
    connect(m_typing, &QTimer::timeout, this, &DeployProjectDialog::openTyped);
    connect(m_folder, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_folder, &QLineEdit::returnPressed, this, &DeployProjectDialog::openTyped);
    connect(m_browse, &QPushButton::clicked, this, &DeployProjectDialog::browse);
    connect(m_deploy, &QPushButton::clicked, m_deployment, &ProjectDeployment::deploy);
    connect(m_close, &QPushButton::clicked, this, &DeployProjectDialog::reject);
    connect(m_deployment, &ProjectDeployment::stateChanged, this, &DeployProjectDialog::updateState);
    connect(m_deployment, &ProjectDeployment::deployed, this, &DeployProjectDialog::deployed);

    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 30);
    m_deployment->setPlatform(platform);
    m_folder->setText(m_settings ? ProjectDeployment::lastFolder(*m_settings) : QString());
    openTyped();
}

void DeployProjectDialog::setPlatform(Platform *platform, const QString &connectionName)
{
    setWindowTitle(tr("Deploy project to %1").arg(connectionName));
    m_deployment->setPlatform(platform);
}

void DeployProjectDialog::reject()
{
    m_deployment->cancel(); // a running deployment stops between two platform calls
    QDialog::reject();
}

void DeployProjectDialog::browse()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Project folder"), m_folder->text());
    if (chosen.isEmpty())
        return;
    m_folder->setText(QDir::toNativeSeparators(chosen));
    openTyped();
}

void DeployProjectDialog::openTyped()
{
    m_typing->stop();
    const QString folder = QDir::fromNativeSeparators(m_folder->text().trimmed());
    if (folder == m_deployment->folder() && m_deployment->isBusy())
        return;
    m_deployment->open(folder);
}

void DeployProjectDialog::updateState()
{
    using State = ProjectDeployment::State;
    const State state = m_deployment->state();
    switch (state) {
    case State::Reading:
        m_progress->setText(tr("Reading the manifest…"));
        break;
    case State::Planning:
        m_progress->setText(tr("Comparing the manifest with the connection…"));
        break;
    case State::Deploying:
        m_progress->setText(tr("Deploying…"));
        break;
    default:
        m_progress->clear();
    }
    m_progress->setVisible(!m_progress->text().isEmpty());
    m_error->setText(m_deployment->errorText());
    m_error->setVisible(!m_error->text().isEmpty());
    m_warnings->setText(m_deployment->warningText().isEmpty() ? QString()
                                                              : tr("Warnings:\n%1").arg(m_deployment->warningText()));
    m_warnings->setVisible(!m_warnings->text().isEmpty());
    m_summary->setText(m_deployment->summary());
    m_deploy->setEnabled(m_deployment->canDeploy());
    m_folder->setReadOnly(state == State::Deploying);
    m_browse->setEnabled(state != State::Deploying);
    m_close->setText(state == State::Deployed ? tr("Close") : tr("Cancel"));
    if (state == State::Planned && m_settings)
        ProjectDeployment::setLastFolder(*m_settings, m_deployment->folder());
}

} // namespace funcdesk
