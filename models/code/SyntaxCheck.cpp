#include "models/code/SyntaxCheck.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTimer>

namespace funcdesk {

namespace {

// Compiles the code read from stdin (bytes: compile() honours a coding declaration, as the
// launcher's does) and prints "LINE:COLUMN:message" for the first error.
const char kPythonChecker[] = "import sys\n"
                              "try:\n"
                              "    compile(sys.stdin.buffer.read(), 'main.py', 'exec', dont_inherit=True)\n"
                              "except (SyntaxError, ValueError) as e:\n"
                              "    print(f\"{getattr(e, 'lineno', 0) or 0}:{getattr(e, 'offset', 0) or 0}:\"\n"
                              "          f\"{getattr(e, 'msg', None) or e}\")\n"
                              "    sys.exit(1)\n";

SyntaxProblem notChecked(const QString &why)
{
    return SyntaxProblem{SyntaxProblem::Status::NotChecked, 0, 0, why};
}

} // namespace

SyntaxProblem parseNodeCheckOutput(const QString &output)
{
    SyntaxProblem problem{SyntaxProblem::Status::Error, 0, 0, QString()};
    const QStringList lines = output.split(QLatin1Char('\n'));
    static const QRegularExpression location(QStringLiteral(":(\\d+)$"));
    static const QRegularExpression error(QStringLiteral("^\\w*Error: (.*)$"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (problem.line == 0 && i == 0) {
            if (const QRegularExpressionMatch match = location.match(lines[i].trimmed()); match.hasMatch())
                problem.line = match.captured(1).toInt();
            // The source line, then a caret line under the error's column.
            if (i + 2 < lines.size() && lines[i + 2].trimmed().startsWith(QLatin1Char('^')))
                problem.column = int(lines[i + 2].indexOf(QLatin1Char('^'))) + 1;
        }
        if (const QRegularExpressionMatch match = error.match(lines[i]); match.hasMatch()) {
            problem.message = match.captured(1).trimmed();
            break;
        }
    }
    if (problem.message.isEmpty())
        problem.message = output.trimmed().section(QLatin1Char('\n'), 0, 0);
    return problem;
}

SyntaxProblem parsePythonCheckOutput(const QString &output)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+):(\\d+):(.*)$"));
    const QString first = output.trimmed().section(QLatin1Char('\n'), 0, 0);
    const QRegularExpressionMatch match = pattern.match(first);
    if (!match.hasMatch())
        return SyntaxProblem{SyntaxProblem::Status::Error, 0, 0, output.trimmed()};
    return SyntaxProblem{SyntaxProblem::Status::Error, match.captured(1).toInt(), match.captured(2).toInt(),
                         match.captured(3).trimmed()};
}

SyntaxCheck::Interpreters SyntaxCheck::discover()
{
    // As RuntimeCatalog::discover() does: the check uses the interpreter that will run the code.
    QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        node = QStandardPaths::findExecutable(QStringLiteral("nodejs"));
    return {node, QStandardPaths::findExecutable(QStringLiteral("python3"))};
}

std::optional<QString> SyntaxCheck::familyOf(const QString &kind)
{
    for (const QString &family : {QStringLiteral("nodejs"), QStringLiteral("python")}) {
        if (kind == family || kind.startsWith(family + QLatin1Char(':')))
            return family;
    }
    return std::nullopt;
}

SyntaxCheck::SyntaxCheck(QObject *parent) : QObject(parent), m_interpreters(discover()), m_timer(new QTimer(this))
{
    qRegisterMetaType<SyntaxProblem>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        cancel();
        finish(notChecked(tr("the check took longer than %n second(s)", nullptr, (m_timeoutMs + 999) / 1000)));
    });
}

SyntaxCheck::~SyntaxCheck()
{
    cancel();
}

bool SyntaxCheck::isRunning() const
{
    return m_timer->isActive();
}

void SyntaxCheck::check(const QString &kind, const QString &code)
{
    cancel();
    const std::optional<QString> family = familyOf(kind);
    m_family = family.value_or(QString());
    m_timer->start(m_timeoutMs);
    const auto later = [this, generation = m_generation](const SyntaxProblem &result) {
        QTimer::singleShot(0, m_timer, [this, generation, result] {
            if (generation == m_generation)
                finish(result);
        });
    };
    if (!family) {
        later(notChecked(tr("there is no syntax check for kind %1").arg(kind)));
        return;
    }
    if (*family == QLatin1String("nodejs")) {
        if (m_interpreters.node.isEmpty()) {
            later(notChecked(tr("Node.js (node) was not found")));
            return;
        }
        m_file = new QTemporaryFile(QDir::tempPath() + QStringLiteral("/funcdesk-check-XXXXXX.cjs"), this);
        if (!m_file->open() || m_file->write(code.toUtf8()) < 0 || !m_file->flush()) {
            later(notChecked(tr("a temporary file could not be written: %1").arg(m_file->errorString())));
            return;
        }
        m_file->close();
        startProcess(m_interpreters.node, {QStringLiteral("--check"), m_file->fileName()}, QByteArray());
        return;
    }
    if (m_interpreters.python.isEmpty()) {
        later(notChecked(tr("Python (python3) was not found")));
        return;
    }
    // -I: isolated, so neither the environment nor the working folder changes what compile() does.
    startProcess(m_interpreters.python, {QStringLiteral("-I"), QStringLiteral("-c"), QString::fromUtf8(kPythonChecker)},
                 code.toUtf8());
}

void SyntaxCheck::startProcess(const QString &program, const QStringList &arguments, const QByteArray &input)
{
    auto *process = new QProcess(this);
    m_process = process;
    process->setProgram(program);
    process->setArguments(arguments);
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::finished, this, [this, process] {
        if (process == m_process)
            processDone();
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (process != m_process || error != QProcess::FailedToStart)
            return;
        const QString why =
            tr("%1 could not be started: %2").arg(QFileInfo(process->program()).fileName(), process->errorString());
        cancel();
        finish(notChecked(why));
    });
    process->start();
    if (!input.isNull()) {
        process->write(input);
        process->closeWriteChannel();
    }
}

void SyntaxCheck::processDone()
{
    QProcess *process = m_process;
    const QString output = QString::fromUtf8(process->readAll());
    const bool crashed = process->exitStatus() != QProcess::NormalExit;
    const int code = process->exitCode();
    cancel();
    if (crashed)
        finish(notChecked(tr("the checker stopped unexpectedly")));
    else if (code == 0)
        finish(SyntaxProblem{SyntaxProblem::Status::Ok, 0, 0, QString()});
    else
        finish(m_family == QLatin1String("nodejs") ? parseNodeCheckOutput(output) : parsePythonCheckOutput(output));
}

void SyntaxCheck::cancel()
{
    ++m_generation;
    m_timer->stop();
    if (QProcess *process = m_process) {
        m_process = nullptr;
        process->disconnect(this);
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(1000); // after SIGKILL: moments, and no zombie is left behind
        }
        process->deleteLater();
    }
    delete m_file;
    m_file = nullptr;
}

void SyntaxCheck::finish(const SyntaxProblem &result)
{
    m_timer->stop();
    Q_EMIT finished(result);
}

} // namespace funcdesk
