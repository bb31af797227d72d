package com.memora.infra.export;

import com.memora.projection.export.pipeline.ExportSnapshots;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * A snapshot is a read-only REPEATABLE READ transaction: PostgreSQL gives every statement in it the same view of
 * committed data, so a build reads a plan's mark, the plan and its whole content tree as of one moment.
 */
@Component
class TransactionalExportSnapshots implements ExportSnapshots {

    private final TransactionTemplate snapshot;

    TransactionalExportSnapshots(PlatformTransactionManager transactionManager) {
        this.snapshot = new TransactionTemplate(transactionManager);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW); // never a caller's
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    @Override
    public <T> T read(Supplier<T> reads) {
        return snapshot.execute(status -> reads.get());
    }
}
