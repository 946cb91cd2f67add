#pragma once

#include "core/ApiRoute.h"
#include "models/lists/PlatformListModel.h"
#include "models/triggers/TriggerKind.h"

#include <QHash>
#include <QSet>

namespace funcdesk {

// The triggers of one platform namespace and its API routes (HTTP triggers), one row each: the
// kind, the schedule or filter in words (the feed's READ answer), when it last fired and how
// often in the last 24 h (the trigger's activations, then live arrivals), and its rules. Loads
// asynchronously: the list, then each feed's configuration and each trigger's fires fill in.
// A failed load keeps the rows and says why in errorText. At most kMaxTriggers triggers and
// rules are read; a trigger's fires are counted up to kMaxFiresCounted ("≥ 200").
class TriggerListModel : public PlatformListModel
{
    Q_OBJECT

public:
    static constexpr int kMaxTriggers = 2000;
    static constexpr int kMaxFiresCounted = 200;

    enum Column { NameColumn, KindColumn, ScheduleColumn, LastFiredColumn, FiresColumn, RulesColumn, ColumnCount };
    enum Role {
        SortRole = PlatformListModel::SortRole,
        NameRole,      // the trigger's name; a route's "VERB /base/path"
        KindRole,      // TriggerKind as int
        FeedRole,      // the feed annotation, empty without one
        PausedRole,    // bool: the feed says the trigger is not active
        FunctionsRole, // QStringList: the functions its rules run
        RouteRole,     // bool: the row is an API route, not a trigger
    };

    struct RuleLink
    {
        QString rule;
        QString function; // "name" in the namespace, or fully qualified elsewhere
        bool active = false;
    };

    explicit TriggerListModel(QObject *parent = nullptr);
    ~TriggerListModel() override;

    // Another platform empties the list and loads it; live activations count as fires.
    void setPlatform(Platform *platform) override;
    // Reads triggers, rules and routes again, then the feeds' configurations and the fires.
    void refresh();

    int rowOf(const QString &name) const;
    QString nameAt(int row) const;
    TriggerKind kindAt(int row) const;
    QString feedAt(int row) const;
    // The feed's READ `config` (empty until read, or without a feed).
    QJsonObject feedConfigAt(int row) const;
    bool isPausedAt(int row) const;
    bool isRouteAt(int row) const;
    ApiRoute routeAt(int row) const;
    QList<RuleLink> rulesAt(int row) const;

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString name;
        TriggerKind kind = TriggerKind::Manual;
        QString feed;
        QJsonObject config;
        QString schedule;
        bool paused = false;
        bool isRoute = false;
        ApiRoute route;
        std::optional<qint64> lastFire;
        qint64 fires = 0;
        bool firesKnown = false;
        QSet<QString> counted; // activation ids in `fires`: a fire read and also arriving live counts once
        QList<RuleLink> rules;
    };
    struct Load;

    // Reads a whole collection page by page (at most kMaxTriggers) into `items`, then calls `next`.
    template <typename T, typename List, typename Next>
    void loadPages(quint64 generation, std::shared_ptr<Load> load, QList<T> Load::*items, List list, Next next);
    void loadTriggers(quint64 generation, std::shared_ptr<Load> load);
    void loadRules(quint64 generation, std::shared_ptr<Load> load);
    void loadRoutes(quint64 generation, std::shared_ptr<Load> load);
    void finishLoad(std::shared_ptr<Load> load);
    void readFeed(quint64 generation, const QString &name, const QString &feed);
    void readFires(quint64 generation, const QString &name);
    void fail(quint64 generation, const PlatformError &error);
    void rowChanged(const QString &name);
    void liveArrived(const QList<Activation> &activations) override;

    int rows() const override { return static_cast<int>(m_rows.size()); }
    QVariant display(int row, int column) const override;
    QVariant sortValue(int row, int column) const override;
    QVariant roleData(int row, int column, int role) const override;
    void fillSortKeys(int column, std::vector<double> &keys) const override;

    QList<Row> m_rows;
    QHash<QString, int> m_index; // name → row
};

} // namespace funcdesk
