#pragma once

#include <QString>

namespace funcdesk {

// A new activation id: 32 lowercase hex digits, as OpenWhisk's. The first 12 are the creation
// time in milliseconds since the epoch and the other 20 are random (80 bits), so ids made later
// sort later: the store's primary-key index then grows at its end, as its time indexes do,
// instead of taking every insert to a random page (with random ids that index dominated the
// store's writes: ~9 KB of WAL per activation at 10,000 activations/s).
QString newActivationId();

} // namespace funcdesk
