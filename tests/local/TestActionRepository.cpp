// The local platform's action store: OpenWhisk's create/update rules, version history, paging,
// and durability across a reopen.

#include "platforms/local/ActionRepository.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace funcdesk;

namespace {

Action actionPut(const char *json)
{
    return Action::fromJson(QJsonDocument::fromJson(QByteArray(json)).object()).value();
}

} // namespace

class TestActionRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    std::unique_ptr<ActionRepository> repository;

    QString path() const { return dir.filePath(QStringLiteral("funcdesk.db")); }

private Q_SLOTS:
    void init()
    {
        QFile::remove(path());
        auto db = Database::open(path());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        repository = std::make_unique<ActionRepository>(db.value());
    }
    void cleanup() { repository.reset(); }

    void createStartsAtVersionOneAndAddsTheExecAnnotation()
    {
        const auto created =
            repository->put(QStringLiteral("guest"), QStringLiteral("hello"),
                            actionPut(R"({"exec": {"kind": "nodejs:20", "code": "function main() {}"}})"), false);
        QVERIFY(created.ok());
        QCOMPARE(created->version, QStringLiteral("0.0.1"));
        QCOMPARE(created->ns, QStringLiteral("guest"));
        QCOMPARE(created->annotations->value(QStringLiteral("exec")).toString(), QStringLiteral("nodejs:20"));
        QCOMPARE(created->exec->binary, false);
        QCOMPARE(created->annotations->value(QStringLiteral("provide-api-key")).toBool(true), false);
        QVERIFY(created->updated.has_value());
        const auto fetched = repository->get(QStringLiteral("guest"), QStringLiteral("hello"));
        QVERIFY(fetched.ok());
        QCOMPARE(fetched.value(), created.value());
    }

    void createWithoutOverwriteOfAnExistingActionIsAConflict()
    {
        const Action body = actionPut(R"({"exec": {"kind": "nodejs:20", "code": "x"}})");
        QVERIFY(repository->put(QStringLiteral("guest"), QStringLiteral("a"), body, false).ok());
        const auto again = repository->put(QStringLiteral("guest"), QStringLiteral("a"), body, false);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, PlatformError::Kind::Conflict);
        QCOMPARE(again.error().message, QStringLiteral("resource already exists"));
    }

    void updateBumpsThePatchAndMergesLimitsAndAnnotations()
    {
        QVERIFY(repository
                    ->put(QStringLiteral("guest"), QStringLiteral("a"),
                          actionPut(R"({"exec": {"kind": "nodejs:20", "code": "v1"},
                                              "limits": {"memory": 256, "timeout": 1000},
                                              "annotations": [{"key": "keep", "value": 1}, {"key": "drop", "value": 2}]})"),
                          false)
                    .ok());
        const auto updated =
            repository->put(QStringLiteral("guest"), QStringLiteral("a"), actionPut(R"({"limits": {"timeout": 2000},
                                                           "annotations": [{"key": "new", "value": 3}]})"),
                            true, {QStringLiteral("drop"), QStringLiteral("new")});
        QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().message));
        QCOMPARE(updated->version, QStringLiteral("0.0.2"));
        QCOMPARE(updated->exec->code, QStringLiteral("v1")); // not given: kept
        QCOMPARE(updated->limits->memoryMb, 256);
        QCOMPARE(updated->limits->timeoutMs, 2000);
        QVERIFY(updated->annotations->contains(QStringLiteral("keep")));
        QVERIFY2(updated->annotations->contains(QStringLiteral("new")),
                 "deletions apply to the old annotations, before the new ones");
        QVERIFY(!updated->annotations->contains(QStringLiteral("drop")));
    }

    void createRequiresExec()
    {
        const auto result =
            repository->put(QStringLiteral("guest"), QStringLiteral("a"), actionPut(R"({"limits": {}})"), false);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, PlatformError::Kind::Invalid);
    }

    void historyKeepsTheLastTwentyVersionsNewestFirst()
    {
        for (int i = 1; i <= 25; ++i) {
            const QByteArray body = R"({"exec": {"kind": "python:3", "code": "# )" + QByteArray::number(i) + R"("}})";
            QVERIFY(repository->put(QStringLiteral("guest"), QStringLiteral("busy"), actionPut(body.constData()), true)
                        .ok());
        }
        const auto history = repository->history(QStringLiteral("guest"), QStringLiteral("busy"));
        QVERIFY(history.ok());
        QCOMPARE(history->size(), ActionRepository::kHistory);
        QCOMPARE(history->first().version, QStringLiteral("0.0.25"));
        QCOMPARE(history->last().version, QStringLiteral("0.0.6"));
        const auto old = repository->version(QStringLiteral("guest"), QStringLiteral("busy"), QStringLiteral("0.0.10"));
        QVERIFY(old.ok());
        QCOMPARE(old->exec->code, QStringLiteral("# 10"));
        QCOMPARE(
            repository->version(QStringLiteral("guest"), QStringLiteral("busy"), QStringLiteral("0.0.3")).error().kind,
            PlatformError::Kind::NotFound);
    }

    void aRollbackToAnOldVersionStringKeepsTheWholeHistory()
    {
        for (const char *code : {"v1", "v2", "v3"}) {
            const QJsonObject exec{{QStringLiteral("kind"), QStringLiteral("python:3")},
                                   {QStringLiteral("code"), QLatin1StringView(code)}};
            const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("exec"), exec}}).toJson();
            QVERIFY(
                repository->put(QStringLiteral("guest"), QStringLiteral("r"), actionPut(body.constData()), true).ok());
        }
        QVERIFY(repository
                    ->put(QStringLiteral("guest"), QStringLiteral("r"),
                          actionPut(R"({"version": "0.0.1", "exec": {"kind": "python:3", "code": "v4"}})"), true)
                    .ok());
        const auto history = repository->history(QStringLiteral("guest"), QStringLiteral("r"));
        QCOMPARE(history->size(), 4);
        QCOMPARE(history->first().exec->code, QStringLiteral("v4"));
        QCOMPARE(history->last().exec->code, QStringLiteral("v1"));
        QCOMPARE(repository->version(QStringLiteral("guest"), QStringLiteral("r"), QStringLiteral("0.0.1"))->exec->code,
                 QStringLiteral("v4")); // the newest with that version string
    }

    void concurrentWritersOnSeparateConnectionsAllSucceed()
    {
        // Each thread opens its own connection, as one Database per thread requires.
        const QString file = path();
        std::atomic<int> failures{0};
        std::vector<std::thread> writers;
        for (int w = 0; w < 3; ++w) {
            writers.emplace_back([file, w, &failures] {
                auto db = Database::open(file);
                if (!db) {
                    ++failures;
                    return;
                }
                ActionRepository mine(db.value());
                for (int i = 0; i < 50; ++i) {
                    if (!mine.put(QStringLiteral("guest"), QStringLiteral("w%1-%2").arg(w).arg(i),
                                  actionPut(R"({"exec": {"kind": "nodejs:20", "code": "x"}})"), false))
                        ++failures;
                }
            });
        }
        for (auto &writer : writers)
            writer.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(repository->count(QStringLiteral("guest")).value(), 150);
    }

    void listIsNewestFirstWithPagingAndWithoutCode()
    {
        for (const char *name : {"first", "second", "third"})
            QVERIFY(
                repository
                    ->put(
                        QStringLiteral("guest"), QLatin1StringView(name),
                        actionPut(
                            R"({"exec": {"kind": "nodejs:20", "code": "secret code"}, "parameters": [{"key": "k", "value": 1}]})"),
                        false)
                    .ok());
        QVERIFY(repository
                    ->put(QStringLiteral("other"), QStringLiteral("elsewhere"),
                          actionPut(R"({"exec": {"kind": "nodejs:20", "code": "x"}})"), false)
                    .ok());
        const auto page = repository->list(QStringLiteral("guest"), 2, 0);
        QVERIFY(page.ok());
        QCOMPARE(page->size(), 2);
        QCOMPARE(page->at(0).name, QStringLiteral("third"));
        QCOMPARE(page->at(1).name, QStringLiteral("second"));
        QVERIFY(!page->at(0).exec->code.has_value());
        QVERIFY(!page->at(0).parameters.has_value());
        QCOMPARE(repository->list(QStringLiteral("guest"), 2, 2)->first().name, QStringLiteral("first"));
        QCOMPARE(repository->count(QStringLiteral("guest")).value(), 3);
    }

    void removeReturnsTheActionAndForgetsItsHistory()
    {
        QVERIFY(repository
                    ->put(QStringLiteral("guest"), QStringLiteral("gone"),
                          actionPut(R"({"exec": {"kind": "nodejs:20", "code": "x"}})"), false)
                    .ok());
        const auto removed = repository->remove(QStringLiteral("guest"), QStringLiteral("gone"));
        QVERIFY(removed.ok());
        QCOMPARE(removed->name, QStringLiteral("gone"));
        QCOMPARE(repository->get(QStringLiteral("guest"), QStringLiteral("gone")).error().kind,
                 PlatformError::Kind::NotFound);
        QCOMPARE(repository->history(QStringLiteral("guest"), QStringLiteral("gone")).error().kind,
                 PlatformError::Kind::NotFound);
        QCOMPARE(repository->remove(QStringLiteral("guest"), QStringLiteral("gone")).error().kind,
                 PlatformError::Kind::NotFound);
    }

    void actionsSurviveReopeningTheDatabase()
    {
        QVERIFY(repository
                    ->put(QStringLiteral("guest"), QStringLiteral("durable"),
                          actionPut(R"({"exec": {"kind": "nodejs:20", "code": "x"}, "limits": {"cpu": 0.5}})"), false)
                    .ok());
        repository.reset();
        auto db = Database::open(path());
        QVERIFY(db.ok());
        ActionRepository reopened(db.value());
        const auto action = reopened.get(QStringLiteral("guest"), QStringLiteral("durable"));
        QVERIFY(action.ok());
        QCOMPARE(action->limits->cpu, 0.5);
    }

    void aDatabaseFromANewerFuncdeskIsRefused()
    {
        repository.reset();
        {
            auto db = Database::open(path());
            QVERIFY(db.ok());
            QSqlQuery query(db.value()->connection());
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 999")));
        }
        const auto newer = Database::open(path());
        QVERIFY(!newer.ok());
        QVERIFY(newer.error().message.contains(QLatin1String("newer Funcdesk")));
    }
};

QTEST_GUILESS_MAIN(TestActionRepository)
#include "TestActionRepository.moc"
