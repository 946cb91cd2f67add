// MetricsStore::save and load: a versioned binary snapshot.
//
// Layout: "FDMS" (4 bytes), version (quint32, big-endian), body, MD5 of the body (16 bytes). The
// body is a QDataStream (Qt 6.4 format) of: function names, the roll-up watermark, the longest
// duration, the days of samples (day, count, fields of each sample), the hours of roll-ups. Load
// checks the digest first (a truncated or altered file fails there), then every count against the
// bytes left and every sample against its day and order, and only then replaces the store.

#include "core/metrics/MetricsStorePrivate.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>
#include <QtEndian>

namespace funcdesk {

namespace {

constexpr char kMagic[4] = {'F', 'D', 'M', 'S'};
constexpr quint32 kVersion = 1;
constexpr int kDigestBytes = 16;
// The encoded size of one sample (fields, not struct padding): a count claiming more samples
// than the bytes left is damage, caught before any allocation.
constexpr qint64 kSampleBytes = 16 + 8 + 6 * 4 + 3 * 2 + 2;

void writeSample(QDataStream &out, const ActivationSample &s)
{
    out.writeRawData(reinterpret_cast<const char *>(s.id.data()), int(s.id.size()));
    out << s.startMs << s.durationMs << s.initMs << s.waitMs << s.peakMemoryKb << s.cpuMicros << s.functionIndex
        << s.memoryMb << s.diskMb << s.cpuMilli << quint8(s.outcome) << quint8(s.cold);
}

bool readSample(QDataStream &in, ActivationSample &s)
{
    if (in.readRawData(reinterpret_cast<char *>(s.id.data()), int(s.id.size())) != int(s.id.size()))
        return false;
    quint8 outcome = 0;
    quint8 cold = 0;
    in >> s.startMs >> s.durationMs >> s.initMs >> s.waitMs >> s.peakMemoryKb >> s.cpuMicros >> s.functionIndex >>
        s.memoryMb >> s.diskMb >> s.cpuMilli >> outcome >> cold;
    if (outcome > quint8(SampleOutcome::Timeout) || cold > 1)
        return false;
    s.outcome = SampleOutcome(outcome);
    s.cold = cold == 1;
    return in.status() == QDataStream::Ok;
}

void writeRollUp(QDataStream &out, const RollUp &r)
{
    const MetricsBucket &b = r.bucket;
    out << b.startMs << b.invocations;
    for (qint64 n : b.byOutcome)
        out << n;
    out << b.coldStarts << b.initMsSum << b.waitMsSum << b.cpuSeconds << b.peakMemoryMb << b.concurrencyMax;
    b.durations.writeTo(out);
    out << r.memoryMb << r.cpuMilli << r.diskMb;
}

bool readRollUp(QDataStream &in, RollUp &r)
{
    MetricsBucket &b = r.bucket;
    in >> b.startMs >> b.invocations;
    for (qint64 &n : b.byOutcome)
        in >> n;
    in >> b.coldStarts >> b.initMsSum >> b.waitMsSum >> b.cpuSeconds >> b.peakMemoryMb >> b.concurrencyMax;
    if (!b.durations.readFrom(in))
        return false;
    in >> r.memoryMb >> r.cpuMilli >> r.diskMb;
    return in.status() == QDataStream::Ok;
}

qint64 bytesLeft(const QDataStream &in)
{
    return in.device()->bytesAvailable();
}

} // namespace

QByteArray MetricsStore::save() const
{
    QByteArray body;
    {
        QDataStream out(&body, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << d->names << d->rolledUpBeforeMs << d->longestMs << quint64(d->days.size());
        for (const auto &[day, samples] : d->days) {
            out << day << quint64(samples.size());
            for (const ActivationSample &s : samples)
                writeSample(out, s);
        }
        out << quint64(d->hours.size());
        for (const auto &[hour, rollUps] : d->hours) {
            out << hour;
            writeRollUp(out, rollUps.total);
            out << quint64(rollUps.functions.size());
            for (const auto &[index, rollUp] : rollUps.functions) {
                out << index;
                writeRollUp(out, rollUp);
            }
        }
    }
    QByteArray snapshot(kMagic, sizeof(kMagic));
    const quint32 version = qToBigEndian(kVersion);
    snapshot.append(reinterpret_cast<const char *>(&version), sizeof(version));
    snapshot.append(body);
    snapshot.append(QCryptographicHash::hash(body, QCryptographicHash::Md5));
    return snapshot;
}

bool MetricsStore::load(const QByteArray &snapshot)
{
    constexpr qsizetype kHeader = sizeof(kMagic) + sizeof(quint32);
    if (snapshot.size() < kHeader + kDigestBytes || !snapshot.startsWith(QByteArrayView(kMagic, sizeof(kMagic))))
        return false;
    if (qFromBigEndian<quint32>(snapshot.constData() + sizeof(kMagic)) != kVersion)
        return false;
    const QByteArray body = snapshot.mid(kHeader, snapshot.size() - kHeader - kDigestBytes);
    if (QCryptographicHash::hash(body, QCryptographicHash::Md5) != snapshot.right(kDigestBytes))
        return false;

    auto read = std::make_unique<Private>();
    read->bounds = d->bounds;
    QDataStream in(body);
    in.setVersion(QDataStream::Qt_6_4);
    quint64 dayCount = 0;
    in >> read->names >> read->rolledUpBeforeMs >> read->longestMs >> dayCount;
    if (in.status() != QDataStream::Ok || read->names.removeDuplicates() > 0 || dayCount > quint64(bytesLeft(in) / 16))
        return false;
    for (qsizetype i = 0; i < read->names.size(); ++i)
        read->indexOfName.insert(read->names.at(i), quint32(i));
    const auto functionCount = quint32(read->names.size());
    for (quint64 i = 0; i < dayCount; ++i) {
        qint64 day = 0;
        quint64 size = 0;
        in >> day >> size;
        if (in.status() != QDataStream::Ok || size == 0 || size > quint64(bytesLeft(in) / kSampleBytes) ||
            read->days.count(day) > 0)
            return false;
        std::vector<ActivationSample> &samples = read->days[day];
        samples.resize(size);
        for (ActivationSample &s : samples) {
            if (!readSample(in, s) || s.functionIndex >= functionCount || floorDiv(s.startMs, kDayMs) != day ||
                (&s != samples.data() && (&s - 1)->startMs > s.startMs))
                return false;
        }
        read->count += qsizetype(size);
    }
    quint64 hourCount = 0;
    in >> hourCount;
    if (in.status() != QDataStream::Ok || hourCount > quint64(bytesLeft(in) / 8))
        return false;
    for (quint64 i = 0; i < hourCount; ++i) {
        qint64 hour = 0;
        in >> hour;
        HourRollUps &rollUps = read->hours[hour];
        quint64 functions = 0;
        if (!readRollUp(in, rollUps.total))
            return false;
        in >> functions;
        if (in.status() != QDataStream::Ok || functions > quint64(bytesLeft(in) / 8))
            return false;
        rollUps.functions.resize(functions);
        for (auto &[index, rollUp] : rollUps.functions) {
            in >> index;
            if (!readRollUp(in, rollUp) || index >= functionCount)
                return false;
        }
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return false;
    d = std::move(read);
    d->enforceBounds();
    return true;
}

} // namespace funcdesk
