package io.tributary.store;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one conversion of typed statement parameters to what the driver sends: a record becomes a map of its components
 * by name ({@link Unwrapped} ones spread into it), nested records and lists of them likewise, a {@link RunId} its text.
 * Everything else (text, numbers, times, bytes, and the free-form maps of facet properties) goes as it is. A null
 * component is sent as null, so that {@code e += row.statistics} still removes a property a report left out.
 */
public final class Parameters {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private Parameters() {}

    /** The parameters of one statement. */
    public static Map<String, Object> of(Record parameters) {
        var map = new HashMap<String, Object>(32);
        write(parameters, parameters.getClass(), "", map);
        return map;
    }

    private static Object value(Object value) {
        return switch (value) {
            case null -> null;
            case RunId id -> id.toString();
            case Record record -> of(record);
            case Collection<?> collection -> {
                var list = new ArrayList<>(collection.size());
                for (Object element : collection) {
                    list.add(value(element));
                }
                yield list;
            }
            default -> value;
        };
    }

    private static void write(Record record, Class<?> type, String prefix, Map<String, Object> into) {
        Shape shape = SHAPES.get(type);
        String[] names = shape.names(prefix);
        for (int i = 0; i < shape.components.length; i++) {
            Component component = shape.components[i];
            Object value = record == null ? null : component.get(record);
            if (component.unwrapped != null) {
                Class<?> nested = value == null ? component.type : value.getClass();
                if (!nested.isRecord()) {
                    throw new IllegalArgumentException(
                            type.getName() + "." + component.name + ": only a record can be unwrapped");
                }
                write((Record) value, nested, names[i], into);
            } else {
                int size = into.size();
                into.put(names[i], value(value));
                if (into.size() == size) {
                    throw new IllegalArgumentException(
                            type.getName() + ": two components give the parameter " + names[i]);
                }
            }
        }
    }

    /** A record type's components, read once per type. */
    private static final class Shape {

        private final Component[] components;
        /** The names under each prefix this type was unwrapped with (few: one per place it appears). */
        private final Map<String, String[]> namesByPrefix = new ConcurrentHashMap<>();

        private Shape(Component[] components) {
            this.components = components;
        }

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            RecordComponent[] recordComponents = type.getRecordComponents();
            var components = new Component[recordComponents.length];
            for (int i = 0; i < recordComponents.length; i++) {
                components[i] = Component.of(recordComponents[i]);
            }
            return new Shape(components);
        }

        /**
         * The name of each component under {@code prefix}: an unwrapped one's is the prefix its own components get.
         */
        String[] names(String prefix) {
            return namesByPrefix.computeIfAbsent(prefix, p -> {
                var names = new String[components.length];
                for (int i = 0; i < components.length; i++) {
                    Component c = components[i];
                    String own = c.unwrapped == null ? c.name : c.unwrapped.value();
                    names[i] = join(p, own);
                }
                return names;
            });
        }

        private static String join(String prefix, String name) {
            if (prefix.isEmpty()) {
                return name;
            }
            if (name.isEmpty()) {
                return prefix;
            }
            return prefix + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        }
    }

    private record Component(String name, Class<?> type, Unwrapped unwrapped, MethodHandle accessor) {

        static Component of(RecordComponent component) {
            try {
                var method = component.getAccessor();
                // Row records are package-private to their feature; their accessors are read from here.
                method.setAccessible(true);
                MethodHandle handle = MethodHandles.lookup()
                        .unreflect(method)
                        .asType(MethodType.methodType(Object.class, Object.class));
                return new Component(
                        component.getName(), component.getType(), component.getAnnotation(Unwrapped.class), handle);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }

        Object get(Object record) {
            try {
                return (Object) accessor.invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
