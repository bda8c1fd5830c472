package io.kafkaconnect.greenhouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;

/**
 * Checks that a resource survives the Avro converter as a Schema Registry user would run it: its value and key
 * schemas parse on their own (no name defined twice, every name valid) and come back equal, and each example
 * record round-trips through Avro binary back to an equal Struct.
 */
public final class AvroRoundTrip {
    private AvroRoundTrip() {
    }

    /** The converter configuration of Confluent-compatible Avro (Apicurio's AvroData, from Maven Central). */
    public static AvroData avroData() {
        return new AvroData(new AvroDataConfig.Builder()
                .with(AvroDataConfig.SCHEMAS_CACHE_SIZE_CONFIG, 100)
                .with(AvroDataConfig.CONNECT_META_DATA_CONFIG, true)
                .with(AvroDataConfig.ENHANCED_AVRO_SCHEMA_SUPPORT_CONFIG, true)
                .build());
    }

    public static void check(Resource r, String api, List<JsonNode> examples) {
        RecordConverter converter = new RecordConverter(r.name(), r.schemaName(), r.schema(), new UnknownFieldLog());
        Schema schema = converter.schema();
        AvroData avroData = avroData();

        org.apache.avro.Schema avro = avroData.fromConnectSchema(schema);
        org.apache.avro.Schema parsed = new org.apache.avro.Schema.Parser().parse(avro.toString());
        assertThat(parsed.getFullName()).isEqualTo(r.schemaName());
        assertThat(avroData.toConnectSchema(parsed)).isEqualTo(schema);

        for (JsonNode example : examples) {
            Struct struct = converter.convert(example);
            GenericRecord record = (GenericRecord) avroData.fromConnectData(schema, struct);
            Object back = read(parsed, write(avro, record));
            SchemaAndValue connect = avroData.toConnectData(parsed, back);
            assertThat(connect.schema()).isEqualTo(schema);
            assertThat(connect.value()).as("%s record %s", r.name(), example.get(r.keyField())).isEqualTo(struct);
        }

        SourceRecordFactory maker = new SourceRecordFactory(r, "t", new SourcePartition(api, "h", r.name()), new UnknownFieldLog());
        org.apache.avro.Schema key = avroData.fromConnectSchema(maker.keySchema());
        assertThat(new org.apache.avro.Schema.Parser().parse(key.toString()).getFullName())
                .isEqualTo(r.schemaName() + "Key");
    }

    private static byte[] write(org.apache.avro.Schema schema, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(org.apache.avro.Schema schema, byte[] bytes) {
        try {
            return new GenericDatumReader<>(schema).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
