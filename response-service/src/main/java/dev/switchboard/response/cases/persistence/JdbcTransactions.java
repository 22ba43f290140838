package dev.switchboard.response.cases.persistence;

import dev.switchboard.response.cases.Transactions;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Database transactions for the plain-Java case intake. */
@Component
public class JdbcTransactions implements Transactions {

  private final TransactionTemplate template;

  /** Creates it over the data source's transaction manager. */
  public JdbcTransactions(PlatformTransactionManager transactionManager) {
    this.template = new TransactionTemplate(transactionManager);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return template.execute(status -> work.get());
  }
}
