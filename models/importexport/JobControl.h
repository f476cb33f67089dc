#pragma once

#include <QtGlobal>

#include <functional>

namespace herald {

// How a long job (import, export) reports progress and learns that it should stop. Both are optional; they
// are called on the job's thread between batches, so a dialog passes thread-safe callables (a QPromise, an
// atomic flag).
struct JobControl
{
    std::function<void(qint64 done, qint64 total)> progress;
    std::function<bool()> isCancelled;

    void report(qint64 done, qint64 total) const
    {
        if (progress)
            progress(done, total);
    }
    bool cancelled() const { return isCancelled && isCancelled(); }
};

} // namespace herald
