#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <optional>

namespace funcdesk {

// Editor text the user has not deployed yet, kept so a crash or restart loses nothing.
struct Draft
{
    QString code;
    QString kind;        // the action's kind when the draft was written, e.g. "nodejs:20"
    QString baseVersion; // the deployed version the edit started from
    QDateTime savedAt;   // set by DraftStore::save
};

// Unsaved editor text per connection and function, one JSON file each under
// <directory>/<connection>/<function>.json (names percent-escaped; hashed when too long for a
// file name). save() is debounced; files are written with QSaveFile (never half-written) on a
// writer thread of their own, in the order they were saved, so the GUI never waits on the disk.
class DraftStore : public QObject
{
    Q_OBJECT

public:
    // An empty `directory` means QStandardPaths::AppDataLocation + "/drafts".
    explicit DraftStore(QString directory = {}, QObject *parent = nullptr);
    ~DraftStore() override; // writes what is pending

    QString directory() const { return m_directory; }
    QString filePath(const QString &connectionId, const QString &functionName) const;
    // How long save() waits for the typing to pause before writing (default 1000 ms).
    void setDebounceInterval(int milliseconds);

    // The latest draft, pending or on disk; nullopt when there is none or its file is unreadable.
    std::optional<Draft> draftFor(const QString &connectionId, const QString &functionName) const;
    void save(const QString &connectionId, const QString &functionName, Draft draft);
    // Removes the draft (after a deploy, or when the user declines it); a pending save is dropped.
    void discard(const QString &connectionId, const QString &functionName);
    // Writes every pending draft now and waits until the writer is done (shutdown, tests).
    void flush();

Q_SIGNALS:
    // A draft could not be written or removed; `message` names the file and the reason.
    void writeFailed(const QString &message);

private:
    struct Pending
    {
        QString connectionId;
        QString functionName;
        Draft draft;
    };
    // Handed to the writer, not yet done: what draftFor() answers meanwhile (nullopt: removed).
    struct InFlight
    {
        quint64 sequence = 0;
        std::optional<Draft> draft;
    };
    void writePending();
    void finishJob(const QString &path, quint64 sequence, const QString &error);

    QString m_directory;
    QTimer m_debounce;
    QHash<QString, Pending> m_pending; // by file path
    QHash<QString, InFlight> m_inFlight;
    quint64 m_sequence = 0;
    QThreadPool m_writer; // one thread: writes and removals stay in order; last member, so
                          // it is destroyed (and waited for) first
};

} // namespace funcdesk
