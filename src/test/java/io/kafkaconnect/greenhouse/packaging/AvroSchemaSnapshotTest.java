package io.kafkaconnect.greenhouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.utils.converter.avro.AvroData;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.DialectResource;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.AvroRoundTrip;
import io.kafkaconnect.greenhouse.schema.RecordConverter;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource's Avro value schema (the Connect schema through AvroData, as an Avro converter registers it) is
 * checked in under {@code src/test/resources/avro-snapshots/<api version>/<resource>.avsc}. A change that is not
 * BACKWARD compatible with the snapshot (a consumer on the new schema could not read records written with the
 * old one) fails, and so does a resource without a snapshot or a snapshot without a resource.
 *
 * <p>Updating the snapshots on purpose (after an intended change, or for new resources):
 * {@code mvn -B test -Dtest=AvroSchemaSnapshotTest -Davro.snapshots.update=true}. It rewrites every snapshot from
 * the current schemas, adds missing ones and deletes those of resources that no longer exist.
 */
class AvroSchemaSnapshotTest {
    static final Path SNAPSHOTS = Path.of("src/test/resources/avro-snapshots");
    static final String UPDATE_PROPERTY = "avro.snapshots.update";
    private static final String UPDATE_COMMAND =
            "mvn -B test -Dtest=AvroSchemaSnapshotTest -D" + UPDATE_PROPERTY + "=true";

    private static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /** The Avro schema an Avro converter derives from the resource's Connect value schema. */
    static Schema currentSchema(Resource resource) {
        AvroData avroData = AvroRoundTrip.avroData();
        RecordConverter converter = new RecordConverter(resource.name(), resource.schemaName(), resource.schema(),
                new UnknownFieldLog());
        return avroData.fromConnectSchema(converter.schema());
    }

    static Path snapshot(Dialect dialect, Resource resource) {
        return SNAPSHOTS.resolve(dialect.version()).resolve(resource.name() + ".avsc");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.dialect.DialectResource#all")
    void everyResourceSchemaIsBackwardCompatibleWithItsSnapshot(DialectResource c) throws IOException {
        Dialect dialect = c.dialect();
        Resource resource = c.resource();
        Schema current = currentSchema(resource);
        Path file = snapshot(dialect, resource);
        if (updating()) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, SchemaFormatter.format("json/pretty", current) + "\n");
            return;
        }
        assertThat(file).as("no Avro schema snapshot for %s/%s: if the resource is new, create it with %s",
                dialect.version(), resource.name(), UPDATE_COMMAND).exists();
        Schema snapshot = new Schema.Parser().parse(file.toFile());
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(current, snapshot);
        assertThat(result.getType())
                .as("%s/%s: the current schema cannot read records written with %s (BACKWARD incompatible): %s%n"
                        + "If the break is intended (consumers and the registry's compatibility setting must allow it), "
                        + "update the snapshot with %s", dialect.version(), resource.name(), file,
                        result.getResult().getIncompatibilities(), UPDATE_COMMAND)
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        if (!snapshot.equals(current)) {
            System.out.printf("note: %s/%s changed compatibly since its snapshot; refresh it with %s%n",
                    dialect.version(), resource.name(), UPDATE_COMMAND);
        }
    }

    @Test
    void everySnapshotBelongsToAResource() throws IOException {
        Set<Path> expected = DialectResource.all().map(c -> snapshot(c.dialect(), c.resource()))
                .collect(Collectors.toSet());
        List<Path> orphans = new ArrayList<>();
        if (Files.isDirectory(SNAPSHOTS)) {
            try (Stream<Path> files = Files.walk(SNAPSHOTS)) {
                files.filter(p -> p.toString().endsWith(".avsc")).filter(p -> !expected.contains(p))
                        .forEach(orphans::add);
            }
        }
        if (updating()) {
            for (Path p : orphans) {
                Files.delete(p);
            }
            return;
        }
        assertThat(orphans).as("snapshots of resources that no longer exist; remove them with %s", UPDATE_COMMAND)
                .isEmpty();
    }

    /** The check itself: adding an optional field is compatible, adding a required one or retyping one is not. */
    @Test
    void theCheckTellsCompatibleFromIncompatibleChanges() {
        Schema v1 = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"id","type":"long"}]}""");
        Schema optionalAdded = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"id","type":"long"},
                 {"name":"note","type":["null","string"],"default":null}]}""");
        Schema requiredAdded = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"id","type":"long"},{"name":"note","type":"string"}]}""");
        Schema retyped = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"id","type":"string"}]}""");
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(optionalAdded, v1).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(requiredAdded, v1).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(retyped, v1).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE);
    }
}
