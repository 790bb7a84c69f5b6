package dev.roastden.infra;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/** Reads a synthesized template as plain maps and lists. */
final class Cfn {

    private Cfn() {}

    /** Logical id of the CloudFormation resource behind an L2 construct. */
    static String logicalId(IConstruct construct) {
        IConstruct child = construct.getNode().getDefaultChild();
        if (child == null) {
            throw new IllegalArgumentException(construct.getNode().getPath() + " has no default child");
        }
        return Stack.of(construct).getLogicalId((CfnElement) child);
    }

    /** {@code {"Ref": logicalId}}. */
    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    /** {@code {"Fn::GetAtt": [logicalId, attribute]}}. */
    static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    static Map<String, Map<String, Object>> resources(Template template, String type) {
        return template.findResources(type);
    }

    /** The one resource of {@code type} in the template. */
    static Map<String, Object> only(Template template, String type) {
        Map<String, Map<String, Object>> found = resources(template, type);
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + type + ", found " + found.keySet());
        }
        return found.values().iterator().next();
    }

    static Map<String, Object> resource(Template template, String logicalId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        Object resource = resources.get(logicalId);
        if (resource == null) {
            throw new AssertionError("No resource " + logicalId);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) resource;
        return map;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    static int number(Object value) {
        return ((Number) value).intValue();
    }

    /** The one scheduled rule whose target is {@code {"Ref": targetLogicalId}}. */
    static Map<String, Object> scheduleInvoking(Template template, String targetLogicalId) {
        List<Map<String, Object>> rules = resources(template, "AWS::Events::Rule").values().stream()
                .map(Cfn::properties)
                .filter(rule -> list(rule.get("Targets")).stream().anyMatch(target -> ref(targetLogicalId)
                        .equals(map(target).get("Arn"))))
                .toList();
        if (rules.size() != 1) {
            throw new AssertionError("Expected one rule invoking " + targetLogicalId + ", found " + rules.size());
        }
        return rules.get(0);
    }

    /** One IAM policy statement, with actions and resources always as collections. */
    record Statement(String effect, Set<String> actions, List<Object> resources, Map<String, Object> condition) {

        boolean hasWildcardResource() {
            return resources.contains("*");
        }
    }

    /** Every statement of every policy attached to the role, and its managed policy ARNs. */
    static List<Statement> statementsOf(Template template, String roleLogicalId) {
        List<Statement> statements = new ArrayList<>();
        for (Map<String, Object> policy :
                resources(template, "AWS::IAM::Policy").values()) {
            Map<String, Object> props = properties(policy);
            if (!list(props.get("Roles")).contains(ref(roleLogicalId))) {
                continue;
            }
            for (Object raw : list(map(props.get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> statement = map(raw);
                Set<String> actions = new LinkedHashSet<>();
                list(statement.get("Action")).forEach(action -> actions.add((String) action));
                statements.add(new Statement(
                        (String) statement.get("Effect"),
                        actions,
                        list(statement.get("Resource")),
                        statement.containsKey("Condition") ? map(statement.get("Condition")) : Map.of()));
            }
        }
        return statements;
    }

    /** Union of the actions the role is allowed. */
    static Set<String> actionsOf(Template template, String roleLogicalId) {
        Set<String> actions = new LinkedHashSet<>();
        statementsOf(template, roleLogicalId).forEach(s -> actions.addAll(s.actions()));
        return actions;
    }

    /** Statements that allow {@code action}. */
    static List<Statement> allowing(Template template, String roleLogicalId, String action) {
        return statementsOf(template, roleLogicalId).stream()
                .filter(s -> s.actions().contains(action))
                .toList();
    }

    /** The whole template as JSON text. */
    static String json(Template template) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(template.toJSON());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
