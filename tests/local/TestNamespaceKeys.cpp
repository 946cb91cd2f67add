// NamespaceKeys: a key is checked against its salted hash once; afterwards signing in with it is a
// compare. The hashes are counted through NamespaceKeys::hashesComputed() (issue 18).

#include "platforms/local/NamespaceKeys.h"

#include <QTest>

using namespace funcdesk;

class TestNamespaceKeys : public QObject
{
    Q_OBJECT

private:
    static Identity guest()
    {
        return Identity{QStringLiteral("guest"), QStringLiteral("23bc46b1-71f6-4ed5-8c54-816aa4f8c502"),
                        NamespaceKeys::randomKey()};
    }

private Q_SLOTS:
    void theFirstSignInHashesTheKeyOnceAndTheNextOnesNotAtAll()
    {
        const Identity identity = guest();
        NamespaceKeys keys;
        keys.insert(NamespaceKeys::hashed(identity), std::nullopt); // as read from the database
        const quint64 before = NamespaceKeys::hashesComputed();

        const auto first = keys.verify(identity.uuid, identity.key);
        QVERIFY(first);
        QCOMPARE(first->ns, identity.ns);
        QCOMPARE(NamespaceKeys::hashesComputed() - before, quint64(1));

        for (int i = 0; i < 3; ++i)
            QVERIFY(keys.verify(identity.uuid, identity.key));
        QCOMPARE(NamespaceKeys::hashesComputed() - before, quint64(1));
        QCOMPARE(keys.find(identity.ns)->key, identity.key); // remembered
    }

    void aWrongKeyIsHashedOnceAndRefusedAndNotRemembered()
    {
        const Identity identity = guest();
        NamespaceKeys keys;
        keys.insert(NamespaceKeys::hashed(identity), std::nullopt);
        const quint64 before = NamespaceKeys::hashesComputed();

        QVERIFY(!keys.verify(identity.uuid, NamespaceKeys::randomKey()));
        QCOMPARE(NamespaceKeys::hashesComputed() - before, quint64(1));
        QVERIFY(keys.find(identity.ns)->key.isEmpty());
        QVERIFY(!keys.verify(QStringLiteral("no-such-uuid"), identity.key));
        QCOMPARE(NamespaceKeys::hashesComputed() - before, quint64(1)); // an unknown uuid: no hash
        QVERIFY(keys.verify(identity.uuid, identity.key));
    }

    void aKeySetInThisProcessIsNeverHashedToSignIn()
    {
        const Identity identity = guest();
        NamespaceKeys keys;
        keys.insert(NamespaceKeys::hashed(identity), identity.key);
        const quint64 before = NamespaceKeys::hashesComputed();
        QVERIFY(keys.verify(identity.uuid, identity.key));
        QVERIFY(keys.matches(identity.ns, identity.authString()));
        QCOMPARE(NamespaceKeys::hashesComputed() - before, quint64(0));
    }

    void aReplacedKeyNoLongerSignsIn()
    {
        const Identity old = guest();
        NamespaceKeys keys;
        keys.insert(NamespaceKeys::hashed(old), std::nullopt);
        QVERIFY(keys.verify(old.uuid, old.key));
        Identity renewed = old;
        renewed.key = NamespaceKeys::randomKey();
        keys.insert(NamespaceKeys::hashed(renewed), std::nullopt);
        QVERIFY(!keys.verify(old.uuid, old.key));
        QVERIFY(keys.verify(renewed.uuid, renewed.key));
    }
};

QTEST_GUILESS_MAIN(TestNamespaceKeys)
#include "TestNamespaceKeys.moc"
