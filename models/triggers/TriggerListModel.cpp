#include "models/triggers/TriggerListModel.h"

#include "core/FutureCallback.h"
#include "models/functions/SortKeys.h"

#include <QDateTime>
#include <QLocale>

namespace funcdesk {

namespace {
constexpr int kPage = 200;
constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

QString routeName(const ApiRoute &route)
{
    return route.verb.toUpper() + QLatin1Char(' ') + route.basePath + route.relPath;
}

// "fn" for an action of this namespace, the fully qualified name otherwise.
QString functionName(const EntityRef &action, const QString &ns)
{
    if (action.path == ns || action.path == QLatin1StringView("_"))
        return action.name;
    if (action.path.startsWith(ns + QLatin1Char('/')))
        return action.path.mid(ns.size() + 1) + QLatin1Char('/') + action.name;
    return action.fullyQualified();
}
} // namespace

struct TriggerListModel::Load
{
    QList<Trigger> triggers;
    QList<Rule> rules;
    QList<ApiRoute> routes;
};

TriggerListModel::TriggerListModel(QObject *parent) : PlatformListModel(ColumnCount, parent)
{
}

TriggerListModel::~TriggerListModel() = default;

void TriggerListModel::setPlatform(Platform *platform)
{
    if (!switchPlatform(platform, [this] {
            m_rows.clear();
            m_index.clear();
        }))
        return;
    platform->setLiveActivations(true);
    refresh();
}

void TriggerListModel::refresh()
{
    if (!platform())
        return;
    setLoading(true);
    loadTriggers(nextGeneration(), std::make_shared<Load>());
}

template <typename T, typename List, typename Next>
void TriggerListModel::loadPages(quint64 generation, std::shared_ptr<Load> load, QList<T> Load::*items, List list,
                                 Next next)
{
    const ListOptions page{kPage, static_cast<int>(((*load).*items).size())};
    onResult((platform()->*list)(page), this,
             [this, generation, load, items, list, next](const Result<QList<T>> &listed) {
                 if (!isCurrent(generation))
                     return;
                 if (!listed)
                     return fail(generation, listed.error());
                 ((*load).*items).append(listed.value());
                 if (listed->size() == kPage && ((*load).*items).size() < kMaxTriggers)
                     return loadPages(generation, load, items, list, next);
                 (this->*next)(generation, load);
             });
}

void TriggerListModel::loadTriggers(quint64 generation, std::shared_ptr<Load> load)
{
    loadPages(generation, load, &Load::triggers, &Platform::listTriggers, &TriggerListModel::loadRules);
}

void TriggerListModel::loadRules(quint64 generation, std::shared_ptr<Load> load)
{
    loadPages(generation, load, &Load::rules, &Platform::listRules, &TriggerListModel::loadRoutes);
}

void TriggerListModel::loadRoutes(quint64 generation, std::shared_ptr<Load> load)
{
    onResult(platform()->listRoutes(), this, [this, generation, load](const Result<QList<ApiRoute>> &listed) {
        if (!isCurrent(generation))
            return;
        // A platform without an API gateway has no HTTP triggers: not an error of the list.
        if (listed)
            load->routes = listed.value();
        finishLoad(load);
        const quint64 current = generation;
        for (const Row &row : std::as_const(m_rows)) {
            if (row.isRoute)
                continue;
            if (!row.feed.isEmpty())
                readFeed(current, row.name, row.feed);
            readFires(current, row.name);
        }
    });
}

void TriggerListModel::finishLoad(std::shared_ptr<Load> load)
{
    const QString ns = platform()->namespaceName();
    QHash<QString, QList<RuleLink>> links; // trigger name → its rules
    for (const Rule &rule : std::as_const(load->rules)) {
        if (!rule.trigger || !rule.action)
            continue;
        links[rule.trigger->name].append(
            {rule.name.value_or(QString()), functionName(*rule.action, ns), rule.isActive()});
    }
    // What the feeds and activations told stays until they answer again.
    const QList<Row> previous = m_rows;
    const QHash<QString, int> previousIndex = m_index;

    beginResetModel();
    m_rows.clear();
    m_index.clear();
    for (const Trigger &trigger : std::as_const(load->triggers)) {
        Row row;
        row.name = trigger.name.value_or(QString());
        row.feed = trigger.feed();
        row.kind = triggerKindOfFeed(row.feed);
        row.rules = links.value(row.name);
        if (const auto it = previousIndex.constFind(row.name); it != previousIndex.cend()) {
            const Row &old = previous.at(*it);
            row.config = old.config;
            row.schedule = old.schedule;
            row.paused = old.paused;
            row.lastFire = old.lastFire;
            row.fires = old.fires;
            row.counted = old.counted;
            row.firesKnown = old.firesKnown;
        }
        m_index.insert(row.name, static_cast<int>(m_rows.size()));
        m_rows.append(row);
    }
    for (const ApiRoute &route : std::as_const(load->routes)) {
        Row row;
        row.name = routeName(route);
        row.kind = TriggerKind::Route;
        row.isRoute = true;
        row.route = route;
        row.schedule = route.url.isEmpty() ? route.basePath + route.relPath : route.url;
        const QString action = route.action.section(QLatin1Char('/'), 2);
        row.rules.append({QString(), action.isEmpty() ? route.action : action, true});
        m_index.insert(row.name, static_cast<int>(m_rows.size()));
        m_rows.append(row);
    }
    invalidateSortKeys();
    endResetModel();
    setErrorText({});
    setLoading(false);
}

void TriggerListModel::readFeed(quint64 generation, const QString &name, const QString &feed)
{
    onResult(platform()->callFeed(feed, FeedLifecycleEvent::Read, name), this,
             [this, generation, name, feed](const Result<QJsonObject> &read) {
                 const int row = rowOf(name);
                 if (!isCurrent(generation) || row < 0)
                     return;
                 Row &target = m_rows[row];
                 if (!read) {
                     target.schedule = tr("Feed unavailable: %1").arg(read.error().message);
                 } else {
                     target.config = read->value(QLatin1StringView("config")).toObject();
                     const QJsonObject status = read->value(QLatin1StringView("status")).toObject();
                     target.paused = status.contains(QLatin1StringView("active")) &&
                                     !status.value(QLatin1StringView("active")).toBool();
                     target.schedule = describeFeedConfig(feed, target.config);
                 }
                 rowChanged(name);
             });
}

void TriggerListModel::readFires(quint64 generation, const QString &name)
{
    ActivationQuery query;
    query.name = name;
    query.since = QDateTime::currentMSecsSinceEpoch() - kDayMs;
    query.limit = kMaxFiresCounted;
    onResult(platform()->listActivations(query), this,
             [this, generation, name](const Result<QList<Activation>> &listed) {
                 const int row = rowOf(name);
                 if (!isCurrent(generation) || row < 0 || !listed)
                     return;
                 Row &target = m_rows[row];
                 target.firesKnown = true;
                 for (const Activation &activation : listed.value()) {
                     target.counted.insert(activation.activationId);
                     target.lastFire = std::max(target.lastFire.value_or(0), activation.start.value_or(0));
                 }
                 target.fires = target.counted.size();
                 rowChanged(name);
                 if (!listed->isEmpty())
                     return;
                 // Nothing today: when did it last fire at all?
                 ActivationQuery older;
                 older.name = name;
                 older.limit = 1;
                 onResult(platform()->listActivations(older), this,
                          [this, generation, name](const Result<QList<Activation>> &last) {
                              const int at = rowOf(name);
                              if (!isCurrent(generation) || at < 0 || !last || last->isEmpty())
                                  return;
                              m_rows[at].lastFire = last->first().start;
                              rowChanged(name);
                          });
             });
}

void TriggerListModel::fail(quint64 generation, const PlatformError &error)
{
    if (!isCurrent(generation))
        return;
    setError(error);
    setLoading(false);
}

void TriggerListModel::rowChanged(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    invalidateSortKeys();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TriggerListModel::liveArrived(const QList<Activation> &activations)
{
    for (const Activation &activation : activations) {
        // A trigger's activation has no runtime kind; an action's always has one.
        if (!activation.annotation(QStringLiteral("kind")).isUndefined())
            continue;
        const QString name = activation.name.value_or(QString());
        const int row = rowOf(name);
        if (row < 0 || m_rows[row].isRoute)
            continue;
        Row &target = m_rows[row];
        if (target.counted.contains(activation.activationId))
            continue;
        target.counted.insert(activation.activationId);
        ++target.fires;
        target.lastFire = std::max(target.lastFire.value_or(0), activation.start.value_or(0));
        rowChanged(name);
    }
}

int TriggerListModel::rowOf(const QString &name) const
{
    return m_index.value(name, -1);
}

QString TriggerListModel::nameAt(int row) const
{
    return row >= 0 && row < rows() ? m_rows[row].name : QString();
}

TriggerKind TriggerListModel::kindAt(int row) const
{
    return row >= 0 && row < rows() ? m_rows[row].kind : TriggerKind::Manual;
}

QString TriggerListModel::feedAt(int row) const
{
    return row >= 0 && row < rows() ? m_rows[row].feed : QString();
}

QJsonObject TriggerListModel::feedConfigAt(int row) const
{
    return row >= 0 && row < rows() ? m_rows[row].config : QJsonObject();
}

bool TriggerListModel::isPausedAt(int row) const
{
    return row >= 0 && row < rows() && m_rows[row].paused;
}

bool TriggerListModel::isRouteAt(int row) const
{
    return row >= 0 && row < rows() && m_rows[row].isRoute;
}

ApiRoute TriggerListModel::routeAt(int row) const
{
    return row >= 0 && row < rows() ? m_rows[row].route : ApiRoute();
}

QList<TriggerListModel::RuleLink> TriggerListModel::rulesAt(int row) const
{
    return row >= 0 && row < rows() ? m_rows[row].rules : QList<RuleLink>();
}

QVariant TriggerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Trigger");
    case KindColumn:
        return tr("Kind");
    case ScheduleColumn:
        return tr("Schedule or filter");
    case LastFiredColumn:
        return tr("Last fired");
    case FiresColumn:
        return tr("Fires (24 h)");
    case RulesColumn:
        return tr("Runs");
    default:
        return {};
    }
}

QVariant TriggerListModel::display(int rowIndex, int column) const
{
    const Row &row = m_rows[rowIndex];
    switch (column) {
    case NameColumn:
        return row.name;
    case KindColumn:
        return row.paused ? tr("%1 (paused)").arg(triggerKindLabel(row.kind)) : triggerKindLabel(row.kind);
    case ScheduleColumn:
        return row.schedule;
    case LastFiredColumn:
        if (row.isRoute)
            return QString();
        return row.lastFire ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*row.lastFire),
                                                 QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                            : (row.firesKnown ? tr("never") : QString());
    case FiresColumn:
        if (row.isRoute || !row.firesKnown)
            return QString();
        return row.fires >= kMaxFiresCounted ? tr("≥ %1").arg(row.fires) : QString::number(row.fires);
    case RulesColumn: {
        QStringList parts;
        for (const RuleLink &link : row.rules)
            parts.append(link.active ? link.function : tr("%1 (disabled)").arg(link.function));
        return parts.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant TriggerListModel::sortValue(int rowIndex, int column) const
{
    const Row &row = m_rows[rowIndex];
    switch (column) {
    case KindColumn:
        return static_cast<int>(row.kind);
    case LastFiredColumn:
        return row.lastFire.value_or(0);
    case FiresColumn:
        return row.fires;
    default:
        return display(rowIndex, column);
    }
}

QVariant TriggerListModel::roleData(int rowIndex, int column, int role) const
{
    Q_UNUSED(column)
    const Row &row = m_rows[rowIndex];
    switch (role) {
    case NameRole:
        return row.name;
    case KindRole:
        return static_cast<int>(row.kind);
    case FeedRole:
        return row.feed;
    case PausedRole:
        return row.paused;
    case FunctionsRole: {
        QStringList functions;
        for (const RuleLink &link : row.rules)
            functions.append(link.function);
        return functions;
    }
    case RouteRole:
        return row.isRoute;
    default:
        return {};
    }
}

void TriggerListModel::fillSortKeys(int column, std::vector<double> &keys) const
{
    const int count = rows();
    keys.resize(static_cast<size_t>(count));
    if (column == KindColumn || column == LastFiredColumn || column == FiresColumn) {
        for (int i = 0; i < count; ++i)
            keys[static_cast<size_t>(i)] = sortValue(i, column).toDouble();
        return;
    }
    std::vector<QString> texts(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        texts[static_cast<size_t>(i)] = display(i, column).toString();
    SortKeys::rank(texts, keys);
}

} // namespace funcdesk
