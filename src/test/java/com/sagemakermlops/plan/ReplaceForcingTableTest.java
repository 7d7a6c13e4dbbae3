package com.sagemakermlops.plan;

import com.pulumi.core.annotations.Import;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property the replace-forcing table names is an input of its type in the pulumi-aws SDK the program builds
 * with (a misspelt or renamed property would silently never match), and every row cites where it was read.
 */
class ReplaceForcingTableTest {
    private static final ReplaceForcing TABLE = ReplaceForcing.standard();

    @Test
    void everyPropertyOfEveryRowIsAnInputOfItsType() {
        List<String> problems = new ArrayList<>();
        for (ReplaceForcing.Row row : TABLE.rows().values()) {
            Class<?> args = argsClass(row.type());
            Stream.of(row.replaceOn(), row.physicalName(), row.autonamed().stream().toList())
                    .flatMap(List::stream)
                    .forEach(path -> unknownProperty(args, path).ifPresent(problems::add));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMisspeltPropertyIsFound() {
        Class<?> args = argsClass("aws:sagemaker/endpointConfiguration:EndpointConfiguration");
        assertThat(unknownProperty(args, "productionVariants.instanceType")).isEmpty();
        assertThat(unknownProperty(args, "productionVariant.instanceType")).hasValueSatisfying(
                problem -> assertThat(problem).contains("productionVariant"));
        assertThat(unknownProperty(args, "productionVariants.instanceSize")).hasValueSatisfying(
                problem -> assertThat(problem).contains("instanceSize"));
    }

    @Test
    void everyRowCitesItsSource() {
        assertThat(TABLE.rows().values()).allSatisfy(row -> assertThat(row.source())
                .matches(".*(hashicorp/terraform-provider-aws internal/service/|pulumi/pulumi-aws#|https://docs\\.aws).*"));
    }

    /** {@code aws:sagemaker/model:Model} is {@code com.pulumi.aws.sagemaker.ModelArgs}; the provider, ProviderArgs. */
    static Class<?> argsClass(String type) {
        String className = type.equals("pulumi:providers:aws") ? "com.pulumi.aws.ProviderArgs"
                : "com.pulumi.aws." + type.substring("aws:".length(), type.indexOf('/')) + "."
                + type.substring(type.lastIndexOf(':') + 1) + "Args";
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(type + ": no " + className + " in the SDK", e);
        }
    }

    /** Why {@code path} is not an input of {@code args}, walking nested argument types; empty when it is one. */
    static Optional<String> unknownProperty(Class<?> args, String path) {
        Class<?> current = args;
        for (String segment : path.split("\\.")) {
            Optional<Field> field = importField(current, segment);
            if (field.isEmpty()) {
                return Optional.of(args.getSimpleName() + ": " + path + ": no input " + segment + " in "
                        + current.getSimpleName());
            }
            current = argumentType(field.get().getGenericType());
        }
        return Optional.empty();
    }

    private static Optional<Field> importField(Class<?> type, String name) {
        return Stream.of(type.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Import.class) && f.getAnnotation(Import.class).name().equals(name))
                .findFirst();
    }

    /** The innermost type of {@code Output<List<X>>}, {@code Output<X>} or {@code Output<Map<String, X>>}. */
    private static Class<?> argumentType(Type type) {
        Type inner = type;
        while (inner instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            inner = arguments[arguments.length - 1];
        }
        return inner instanceof Class<?> c ? c : Object.class;
    }
}
