package dev.awstestharness.localcloud.internal.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The tables of the account, by name. */
final class Tables {
    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    /** The table an item operation names; a missing one is ResourceNotFoundException "Requested resource not found". */
    Table forItems(String name) {
        Table table = tables.get(name);
        if (table == null) throw DynamoDbErrors.tableNotFound();
        return table;
    }

    /** The table a table operation names; a missing one is "Requested resource not found: Table: NAME not found". */
    Table forTable(String name) {
        Table table = tables.get(name);
        if (table == null) throw DynamoDbErrors.tableNotFound(name);
        return table;
    }

    /** Adds a table unless one of that name exists; returns whether it was added. */
    boolean add(Table table) {
        return tables.putIfAbsent(table.name, table) == null;
    }

    Table remove(String name) {
        Table table = tables.remove(name);
        if (table == null) throw DynamoDbErrors.tableNotFound(name);
        return table;
    }

    List<String> names() {
        return new ArrayList<>(new TreeMap<>(tables).keySet());
    }
}
