package dev.roastden.gateway.discord;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Stand-ins for JDA's entity interfaces: each answers the methods named in its map (a value, or an {@link Answer} of
 * the arguments), runs JDA's own default methods otherwise, and fails loudly on anything else, so a test shows exactly
 * which parts of JDA the adapter touches.
 */
final class Fake {
    private Fake() {}

    @FunctionalInterface
    interface Answer {
        Object answer(Object[] args);
    }

    static <T> T of(Class<T> type, Map<String, Object> answers, Class<?>... more) {
        Class<?>[] types = new Class<?>[more.length + 1];
        types[0] = type;
        System.arraycopy(more, 0, types, 1, more.length);
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (answers.containsKey(name)) {
                Object answer = answers.get(name);
                return answer instanceof Answer ? ((Answer) answer).answer(args) : answer;
            }
            switch (name) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return type.getSimpleName() + "@fake";
                default:
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException("Unexpected call " + type.getSimpleName() + "." + name);
            }
        };
        return type.cast(Proxy.newProxyInstance(Fake.class.getClassLoader(), types, handler));
    }
}
