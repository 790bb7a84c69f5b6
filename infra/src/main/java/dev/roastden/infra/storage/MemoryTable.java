package dev.roastden.infra.storage;

import java.util.List;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The single DynamoDB table behind every persona: conversation turns, remembered facts,
 * interaction claims, rate-limit windows and consent records, each kind under its own key prefix.
 * On demand, point-in-time recovery on, items expire through the {@value #TTL_ATTRIBUTE}
 * attribute, and the {@value #BY_USER_INDEX} index finds everything stored about one user.
 *
 * <pre>
 * item                 pk                          sk        expiry
 * conversation turn    G#{guild}#P#{persona}       T#{ulid}  30 days
 * remembered fact      G#{guild}#P#{persona}       F#{ulid}  none
 * interaction claim    I#{interactionId}           I         1 day
 * rate-limit window    RL#{scope}#{id}#{window}    RL        window end + 1 hour
 * consent / opt-out    G#{guild}#U#{user}          CONSENT   none
 * server settings      G#{guild}                   SETTINGS  none
 * server usage         G#{guild}                   USAGE#{yyyy-mm[-dd]}  400 days
 * persona pick         PICK#{interactionId}        PICK      15 minutes (the picker's token)
 * byUser index         gsi1pk U#{user}, gsi1sk {pk}#{sk}, on turns and facts (for /forget me)
 * </pre>
 *
 * <p>One item per turn and per fact, never one growing item per conversation: an item is limited
 * to 400 KB, and concurrent workers would race to rewrite it. Readers filter expired items,
 * because TTL deletion can lag by days.
 *
 * <p>The table is created with deletion protection (and retained when the stack is deleted). A
 * redeploy after a stack was deleted adopts the retained table by name ({@link
 * MemoryTableProps#existingTableName()}) instead of creating an empty one; an adopted table is
 * only referenced, never changed, so it must have the key schema, TTL and index described here.
 */
public final class MemoryTable extends Construct {

    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    public static final String TTL_ATTRIBUTE = "expiresAt";
    public static final String BY_USER_INDEX = "byUser";
    public static final String BY_USER_PARTITION_KEY = "gsi1pk";
    public static final String BY_USER_SORT_KEY = "gsi1sk";

    /**
     * Item operations the worker performs: claims and turns are conditional puts, rate limits are
     * updates, memories are queried, {@code /forget} deletes (in batches). No scans, no table
     * management.
     */
    public static final List<String> WORKER_ACTIONS = List.of(
            "dynamodb:GetItem",
            "dynamodb:BatchGetItem",
            "dynamodb:Query",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem");

    /**
     * The handler's only table action: one GetItem per request at most (a server's roster for
     * autocomplete, a persona to prefill the edit form). Read-only, on the table alone.
     */
    public static final List<String> HANDLER_ACTIONS = List.of("dynamodb:GetItem");

    private final ITable table;

    public MemoryTable(Construct scope, String id, MemoryTableProps props) {
        super(scope, id);

        if (props.existingTableName().isPresent()) {
            table = Table.fromTableName(this, "Table", props.existingTableName().get());
            return;
        }
        Table created = Table.Builder.create(this, "Table")
                .partitionKey(string(PARTITION_KEY))
                .sortKey(string(SORT_KEY))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute(TTL_ATTRIBUTE)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                // Encrypted at rest with the AWS-owned key: free, and the worker needs no KMS permission.
                .encryption(TableEncryption.DEFAULT)
                .removalPolicy(props.removalPolicy())
                .deletionProtection(props.deletionProtection())
                .build();

        created.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(BY_USER_INDEX)
                .partitionKey(string(BY_USER_PARTITION_KEY))
                .sortKey(string(BY_USER_SORT_KEY))
                .projectionType(ProjectionType.ALL)
                .build());
        table = created;
    }

    private static Attribute string(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    /** The table: created by this stack, or the adopted one. */
    public ITable table() {
        return table;
    }

    /** Whether the table is an adopted one that this stack does not manage. */
    public boolean adopted() {
        return !(table instanceof Table);
    }

    /** ARN of the {@value #BY_USER_INDEX} index (and no other). */
    public String byUserIndexArn() {
        return table.getTableArn() + "/index/" + BY_USER_INDEX;
    }

    /** Grants {@link #HANDLER_ACTIONS} on the table (not its index). */
    public void grantHandlerRead(IGrantable handler) {
        handler.getGrantPrincipal()
                .addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .actions(HANDLER_ACTIONS)
                        .resources(List.of(table.getTableArn()))
                        .build());
    }

    /** Grants {@link #WORKER_ACTIONS} on the table and its {@value #BY_USER_INDEX} index only. */
    public void grantWorkerAccess(IGrantable worker) {
        worker.getGrantPrincipal()
                .addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .actions(WORKER_ACTIONS)
                        .resources(List.of(table.getTableArn(), byUserIndexArn()))
                        .build());
    }
}
