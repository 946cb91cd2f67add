#include "models/code/DraftStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace funcdesk {

namespace {

constexpr int kFormat = 1;
// File names stay well below the usual 255-byte limit; longer names are hashed.
constexpr qsizetype kMaxEscapedName = 120;

// Percent-escapes everything but [A-Za-z0-9_-], so "pkg/action", ".." and names differing only
// in punctuation map to distinct, harmless file names. '~' is always escaped by this, so a
// leading '~' can mark a hashed name without colliding with an escaped one.
QString fileNameFor(const QString &name)
{
    const QByteArray escaped = QUrl::toPercentEncoding(name, QByteArray(), QByteArrayLiteral(".~"));
    if (!escaped.isEmpty() && escaped.size() <= kMaxEscapedName)
        return QString::fromLatin1(escaped);
    return QLatin1Char('~') +
           QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QByteArray serialise(const QString &connectionId, const QString &functionName, const Draft &draft)
{
    QJsonObject object;
    object.insert(QStringLiteral("format"), kFormat);
    object.insert(QStringLiteral("connection"), connectionId);
    object.insert(QStringLiteral("function"), functionName);
    object.insert(QStringLiteral("code"), draft.code);
    object.insert(QStringLiteral("kind"), draft.kind);
    object.insert(QStringLiteral("baseVersion"), draft.baseVersion);
    object.insert(QStringLiteral("savedAt"), draft.savedAt.toUTC().toString(Qt::ISODateWithMs));
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

std::optional<Draft> parse(const QByteArray &bytes, const QString &connectionId, const QString &functionName)
{
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    // A hashed file name could in theory be shared: the file says whose draft it is.
    if (object.value(QStringLiteral("connection")).toString() != connectionId ||
        object.value(QStringLiteral("function")).toString() != functionName ||
        !object.value(QStringLiteral("code")).isString())
        return std::nullopt;
    Draft draft;
    draft.code = object.value(QStringLiteral("code")).toString();
    draft.kind = object.value(QStringLiteral("kind")).toString();
    draft.baseVersion = object.value(QStringLiteral("baseVersion")).toString();
    draft.savedAt = QDateTime::fromString(object.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
    return draft;
}

// Runs on the writer thread. Returns an error message, empty on success.
QString writeFile(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return QCoreApplication::translate("funcdesk::DraftStore", "Cannot create the drafts folder %1.")
            .arg(QDir::toNativeSeparators(info.absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return QCoreApplication::translate("funcdesk::DraftStore", "Cannot save the draft %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

QString removeFile(const QString &path)
{
    QFile file(path);
    if (file.exists() && !file.remove())
        return QCoreApplication::translate("funcdesk::DraftStore", "Cannot remove the draft %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

} // namespace

DraftStore::DraftStore(QString directory, QObject *parent) : QObject(parent), m_directory(std::move(directory))
{
    if (m_directory.isEmpty())
        m_directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drafts");
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(1000);
    connect(&m_debounce, &QTimer::timeout, this, &DraftStore::writePending);
    m_writer.setMaxThreadCount(1);
}

DraftStore::~DraftStore()
{
    flush();
}

QString DraftStore::filePath(const QString &connectionId, const QString &functionName) const
{
    return m_directory + QLatin1Char('/') + fileNameFor(connectionId) + QLatin1Char('/') + fileNameFor(functionName) +
           QStringLiteral(".json");
}

void DraftStore::setDebounceInterval(int milliseconds)
{
    m_debounce.setInterval(milliseconds);
}

std::optional<Draft> DraftStore::draftFor(const QString &connectionId, const QString &functionName) const
{
    const QString path = filePath(connectionId, functionName);
    if (const auto pending = m_pending.constFind(path); pending != m_pending.constEnd())
        return pending->draft;
    if (const auto inFlight = m_inFlight.constFind(path); inFlight != m_inFlight.constEnd())
        return inFlight->draft;
    // A few kilobytes from the local data folder, read once when a function is opened.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return parse(file.readAll(), connectionId, functionName);
}

void DraftStore::save(const QString &connectionId, const QString &functionName, Draft draft)
{
    draft.savedAt = QDateTime::currentDateTime();
    m_pending.insert(filePath(connectionId, functionName), Pending{connectionId, functionName, std::move(draft)});
    m_debounce.start();
}

void DraftStore::discard(const QString &connectionId, const QString &functionName)
{
    const QString path = filePath(connectionId, functionName);
    m_pending.remove(path);
    const quint64 sequence = ++m_sequence;
    m_inFlight.insert(path, InFlight{sequence, std::nullopt});
    m_writer.start([this, path, sequence] { finishJob(path, sequence, removeFile(path)); });
}

void DraftStore::flush()
{
    m_debounce.stop();
    writePending();
    m_writer.waitForDone();
}

void DraftStore::writePending()
{
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        const QString path = it.key();
        const QByteArray bytes = serialise(it->connectionId, it->functionName, it->draft);
        const quint64 sequence = ++m_sequence;
        m_inFlight.insert(path, InFlight{sequence, it->draft});
        m_writer.start([this, path, bytes, sequence] { finishJob(path, sequence, writeFile(path, bytes)); });
    }
    m_pending.clear();
}

void DraftStore::finishJob(const QString &path, quint64 sequence, const QString &error)
{
    // Writer thread: hand the outcome to this object's thread. The destructor waits for the
    // writer, so `this` outlives the job; the queued call is dropped if the object goes first.
    QMetaObject::invokeMethod(
        this,
        [this, path, sequence, error] {
            const auto inFlight = m_inFlight.constFind(path);
            if (inFlight != m_inFlight.constEnd() && inFlight->sequence == sequence)
                m_inFlight.erase(inFlight);
            if (!error.isEmpty())
                Q_EMIT writeFailed(error);
        },
        Qt::QueuedConnection);
}

} // namespace funcdesk
