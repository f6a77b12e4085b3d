package org.slacast.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.data.vector.ValueVector;

/** Shared plumbing for the Smile adapters: frames, one reused scoring schema, and guarded (de)serialisation. */
final class SmileFrames {
    static final String LABEL = "breach";

    private SmileFrames() {
    }

    /** Columns of primitive doubles and an int label: Smile needs both non-nullable. */
    static DataFrame frame(TrainingSet data) {
        List<String> names = data.schema().names();
        List<ValueVector> columns = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double[] col = new double[data.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = data.x()[i][j];
            }
            columns.add(new DoubleVector(names.get(j), col));
        }
        columns.add(new IntVector(LABEL, data.y().clone()));
        return new DataFrame(columns.toArray(ValueVector[]::new));
    }

    static Formula formula(List<String> names) {
        return Formula.of(LABEL, names.toArray(String[]::new));
    }

    /**
     * The one schema every scoring tuple uses. Formula.bind caches per StructType instance and thread, so a fresh
     * schema per request would rebind every time (measured 5x slower).
     */
    static StructType scoringSchema(List<String> names) {
        List<StructField> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(new StructField(n, DataTypes.DoubleType));
        }
        fields.add(new StructField(LABEL, DataTypes.IntType));
        return new StructType(fields);
    }

    static Tuple tuple(StructType schema, double[] x) {
        Object[] row = new Object[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            row[i] = x[i];
        }
        row[x.length] = 0;
        return Tuple.of(schema, row);
    }

    static void write(Object model, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(model);
        }
    }

    /** Reads only Smile and JDK classes, so a tampered file cannot instantiate anything else. */
    static <T> T read(Path file, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(file); ObjectInputStream o = new ObjectInputStream(in)) {
            o.setObjectInputFilter(info -> {
                Class<?> c = info.serialClass();
                if (c == null) {
                    return ObjectInputFilter.Status.UNDECIDED;
                }
                while (c.isArray()) {
                    c = c.getComponentType();
                }
                String n = c.getName();
                return c.isPrimitive() || n.startsWith("smile.") || n.startsWith("java.")
                        ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
            });
            Object obj = o.readObject();
            if (!type.isInstance(obj)) {
                throw new IOException(file + " holds a " + obj.getClass().getSimpleName() + ", not a "
                        + type.getSimpleName());
            }
            return type.cast(obj);
        } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
            throw new IOException(file + " is not a model this slacast can read (" + e.getMessage() + ")", e);
        }
    }
}
