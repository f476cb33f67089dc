#pragma once

#include "Output.h"
#include "TextTable.h"
#include "domain/Error.h"

#include <QJsonArray>
#include <QJsonObject>

namespace herald::cli {

// What every `herald X list [--json]` prints: the rows as a JSON array (toJson of each), else as a table (toCells of
// each), else `emptyText` when there are none; or the error that kept them from being read. Returns the exit code.
template<typename Row, typename ToJson, typename ToCells>
int printList(const Result<QList<Row>>& rows, bool json, const QString& emptyText, TextTable table, ToJson toJson,
              ToCells toCells)
{
    if (!rows)
        return Output::failed(rows.error().message);
    if (json) {
        QJsonArray array;
        for (const Row& row : rows.value())
            array.append(toJson(row));
        Output::json(QJsonDocument(array));
        return 0;
    }
    if (rows->isEmpty()) {
        Output::line(emptyText);
        return 0;
    }
    for (const Row& row : rows.value())
        table.add(toCells(row));
    table.print();
    return 0;
}

} // namespace herald::cli
