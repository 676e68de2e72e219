package ch.ticketpark.bench;

import java.lang.ref.Reference;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

/**
 * The objects strongly reachable from some roots, by class, with their sizes as JOL reads them: a retained-size walk
 * like a heap analyser's. It does not walk into what the whole JVM shares and links together: class objects (class
 * metadata, lazily grown by reflection, JOL's own included), class loaders, thread groups (which list every thread),
 * a reference's own fields (weak, soft and phantom references retain nothing) and the lists of the cleaners'
 * registrations (which link every registered object of the JVM to the others).
 */
final class ObjectGraph {

    static {
        // JOL reads the fields of records and hidden classes (lambdas) only this way on Java 17; its sizes are exact
        // with its agent, which it attaches itself where the JVM allows it (-Djdk.attach.allowAttachSelf=true, as
        // bench/run runs it), and otherwise miss the padding of @Contended fields (128 bytes of each Thread)
        System.setProperty("jol.magicFieldOffset", "true");
    }

    /** Where the JVM links every registered cleaning action to the others: java.lang.ref.Cleaner's, nio's. */
    private static final Set<String> CLEANER_LISTS = Set.of("jdk.internal.ref.PhantomCleanable.prev",
            "jdk.internal.ref.PhantomCleanable.next", "jdk.internal.ref.PhantomCleanable.list",
            "jdk.internal.ref.Cleaner.prev", "jdk.internal.ref.Cleaner.next");

    private final VirtualMachine vm = VM.current();
    private final Map<Class<?>, long[]> offsets = new HashMap<>();
    private final Map<Class<?>, Long> sizes = new HashMap<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Object> pending = new ArrayDeque<>();
    /** By class name: {objects, bytes}. */
    private final Map<String, long[]> byClass = new HashMap<>();

    private ObjectGraph() {
    }

    /**
     * By class name: the number of objects and their bytes, of those reachable from the roots and not from the
     * excluded objects (walked first, in the same pass, so that both see the graph of one moment).
     */
    static Map<String, long[]> byClass(Object[] roots, Object[] excluded) {
        ObjectGraph graph = new ObjectGraph();
        for (Object root : excluded) {
            graph.reach(root);
        }
        graph.walk(false);
        for (Object root : roots) {
            graph.reach(root);
        }
        graph.walk(true);
        return graph.byClass;
    }

    private void walk(boolean count) {
        while (!pending.isEmpty()) {
            Object object = pending.pop();
            Class<?> type = object.getClass();
            if (count) {
                long[] figures = byClass.computeIfAbsent(type.getName(), name -> new long[2]);
                figures[0]++;
                figures[1] += sizeOf(object, type);
            }
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (Object element : (Object[]) object) {
                        reach(element);
                    }
                }
            } else {
                for (long offset : offsets.computeIfAbsent(type, this::referenceFields)) {
                    reach(vm.getObject(object, offset));
                }
            }
        }
    }

    /** JOL's size of an instance, read once per class; an array's from its length, as JOL computes it. */
    private long sizeOf(Object object, Class<?> type) {
        if (!type.isArray()) {
            return sizes.computeIfAbsent(type, key -> vm.sizeOf(object));
        }
        String component = type.getComponentType().isPrimitive() ? type.getComponentType().getName() : "Object";
        long bytes = vm.arrayBaseOffset(component) + (long) Array.getLength(object) * vm.arrayIndexScale(component);
        long alignment = vm.objectAlignment();
        return (bytes + alignment - 1) / alignment * alignment;
    }

    private void reach(Object object) {
        if (object != null && !(object instanceof Class) && !(object instanceof ClassLoader)
                && !(object instanceof ThreadGroup) && seen.add(object)) {
            pending.push(object);
        }
    }

    /** The offsets of its reference fields, its superclasses' included, less those of the JVM's shared lists. */
    private long[] referenceFields(Class<?> type) {
        LongStream.Builder fields = LongStream.builder();
        for (Class<?> at = type; at != null; at = at.getSuperclass()) {
            if (at == Reference.class) {
                continue;
            }
            for (Field field : at.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
                        && !CLEANER_LISTS.contains(at.getName() + "." + field.getName())) {
                    fields.add(vm.fieldOffset(field));
                }
            }
        }
        return fields.build().toArray();
    }
}
