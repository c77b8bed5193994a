package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Critique files as BLOBs on H2. H2 keeps a {@code bytea} value inside its row, so a 5 MB critique was copied whole
 * into H2's page buffers and page cache on every write and read: a burst of large uploads ran a 96 MB
 * heap out of memory, and H2 then closed the database (SmallHeapBurstTest). A BLOB is stored apart from its row, in
 * chunks, and read only when asked for. PostgreSQL keeps a large {@code bytea} out of its row by itself (TOAST), so
 * there this migration changes nothing. (A Java migration because the one SQL set has no type both databases know.)
 */
public class V14__critique_files_as_lobs extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"H2".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("alter table critique_file alter column content set data type binary large object");
        }
    }
}
