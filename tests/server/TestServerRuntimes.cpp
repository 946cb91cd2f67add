// Issue 19 on a real funcdeskd: `GET /` lists the PHP, Ruby, Go and native runtimes only when
// their programs are installed (found at start), and a PHP and a native action created over the
// REST API run as OpenWhisk's would.

#include "ServerFixture.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

class TestServerRuntimes : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    HttpClient m_http;

    static QStringList families(FuncdeskdProcess &server, HttpClient &http)
    {
        const HttpResult root = http.request("GET", server.url(QStringLiteral("/")));
        return root.object().value(QStringLiteral("runtimes")).toObject().keys();
    }

private Q_SLOTS:
    void runtimesAreListedOnlyWhenInstalled()
    {
        QVERIFY(m_dir.isValid());
        // A PATH with node, python3 and bubblewrap only: no php, ruby, go or unzip.
        QTemporaryDir bin;
        for (const QString &name : {QStringLiteral("node"), QStringLiteral("python3"), QStringLiteral("bwrap")}) {
            const QString program = QStandardPaths::findExecutable(name);
            if (!program.isEmpty())
                QVERIFY(QFile::link(program, bin.filePath(name)));
        }
        FuncdeskdProcess bare(m_dir.filePath(QStringLiteral("bare")));
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), bin.path());
        bare.setEnvironment(environment);
        QVERIFY2(bare.start(), bare.stderrText().constData());
        const QStringList without = families(bare, m_http);
        QCOMPARE(bare.stop(), 0);
        QVERIFY2(without.contains(QStringLiteral("nodejs")), qPrintable(without.join(u' ')));
        for (const QString &family :
             {QStringLiteral("php"), QStringLiteral("ruby"), QStringLiteral("go"), QStringLiteral("blackbox")})
            QVERIFY2(!without.contains(family), qPrintable(without.join(u' ')));

        FuncdeskdProcess full(m_dir.filePath(QStringLiteral("full")));
        QVERIFY2(full.start(), full.stderrText().constData());
        const QStringList with = families(full, m_http);
        const auto installed = [](const QStringList &names) {
            return std::any_of(names.cbegin(), names.cend(),
                               [](const QString &name) { return !QStandardPaths::findExecutable(name).isEmpty(); });
        };
        QCOMPARE(with.contains(QStringLiteral("php")), installed({QStringLiteral("php"), QStringLiteral("php8.2")}));
        QCOMPARE(with.contains(QStringLiteral("ruby")), installed({QStringLiteral("ruby")}));
        QCOMPARE(with.contains(QStringLiteral("go")), installed({QStringLiteral("go")}));
        QCOMPARE(with.contains(QStringLiteral("blackbox")), installed({QStringLiteral("unzip")}));

        // A PHP action over the REST API, as `wsk action create hello hello.php` sends it.
        if (with.contains(QStringLiteral("php"))) {
            const QByteArray key = full.guestKey().toUtf8();
            const QString actions = QStringLiteral("/api/v1/namespaces/_/actions/hello");
            const QJsonObject action{
                {QStringLiteral("exec"),
                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("php:default")},
                             {QStringLiteral("code"), QStringLiteral("<?php function main(array $a): array "
                                                                     "{ return ['hi' => $a['name'] ?? '']; }")}}}};
            const HttpResult created = m_http.request("PUT", full.url(actions + QStringLiteral("?overwrite=true")),
                                                      QJsonDocument(action).toJson(QJsonDocument::Compact), key);
            QVERIFY2(created.status == 200, created.body.constData());
            const HttpResult invoked =
                m_http.request("POST", full.url(actions + QStringLiteral("?blocking=true&result=true")),
                               QByteArray(R"({"name":"Ada"})"), key);
            QVERIFY2(invoked.status == 200, invoked.body.constData());
            QCOMPARE(invoked.object().value(QStringLiteral("hi")).toString(), QStringLiteral("Ada"));
        }
        QCOMPARE(full.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerRuntimes)
#include "TestServerRuntimes.moc"
