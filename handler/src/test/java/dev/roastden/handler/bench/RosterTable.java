package dev.roastden.handler.bench;

import dev.roastden.core.persona.PersonaItems;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import dev.roastden.core.persona.RosterEntry;
import dev.roastden.emulators.dynamodb.LocalDynamoDb;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DynamoDB Local holding the persona table with one server's roster, for the cold-start runs that read it. */
final class RosterTable {
    private RosterTable() {}

    /** DynamoDB Local with the table (pk, sk) and one roster: the bundled personas plus the given persona. */
    static LocalDynamoDb start(String table, String guild, String persona) {
        LocalDynamoDb local = LocalDynamoDb.start();
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(local.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            dynamo.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(
                            k -> k.attributeName(PersonaItems.PK).keyType(KeyType.HASH),
                            k -> k.attributeName(PersonaItems.SK).keyType(KeyType.RANGE))
                    .attributeDefinitions(
                            a -> a.attributeName(PersonaItems.PK).attributeType(ScalarAttributeType.S),
                            a -> a.attributeName(PersonaItems.SK).attributeType(ScalarAttributeType.S)));
            Roster roster = Roster.EMPTY.with(new RosterEntry(
                    persona, "Forge", "Hammers every point flat.", PersonaStatus.ACTIVE, java.util.Optional.empty()));
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            PersonaItems.PK, AttributeValue.fromS(PersonaItems.pk(guild)),
                            PersonaItems.SK, AttributeValue.fromS(PersonaItems.ROSTER_SK),
                            PersonaItems.ROSTER, AttributeValue.fromS(roster.toJson()),
                            PersonaItems.VERSION, AttributeValue.fromN("1"))));
            // DynamoDB Local's first reads load its own classes and can outlast the handler's 400 ms attempt on a
            // busy machine: read the roster once here so the probe's read meets a warm emulator, as on AWS.
            for (int i = 0; i < 3; i++) {
                dynamo.getItem(b -> b.tableName(table)
                        .key(Map.of(
                                PersonaItems.PK, AttributeValue.fromS(PersonaItems.pk(guild)),
                                PersonaItems.SK, AttributeValue.fromS(PersonaItems.ROSTER_SK))));
            }
        }
        return local;
    }
}
