package mn.sanal.platform.deployment;

import java.util.Set;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a process owner may write in a JUEL expression, checked on the tree of the engine's own parser
 * ({@code org.camunda.bpm.impl.juel}), never by pattern: literals, operators, variables and their properties
 * ({@code ${deadlines.resolveDays}}), the engine's date and user functions, and calls of our delegates' methods
 * ({@code ${describePetition.triageGroup(execution)}}). Refused: any other method call, any Spring bean, the engine's
 * objects ({@code execution}, {@code task}...) except as an argument of such a call, the property {@code class}, and
 * property names computed at run time.
 */
final class ExpressionRules {

    /** What the engine's VariableScopeElResolver resolves to its own objects rather than to variables. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask");
    /** The engine's functions (DateTimeFunctions, CommandContextFunctions): plain values, no objects to call on. */
    private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
    /** Properties that lead from a value to its class, and from there to the class loader. */
    private static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "declaringClass");
    /** As the engine's expression factory parses: method invocations and varargs on. */
    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final ModelBeans beans;

    ExpressionRules(ModelBeans beans) {
        this.beans = beans;
    }

    /** Whether the text holds an expression at all (else the engine uses it as a literal). */
    static boolean hasExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /**
     * Checks a text the engine evaluates as an expression.
     *
     * @return null when allowed, else why not (Mongolian, with the offending part)
     */
    String check(String text) {
        Node root = parse(text);
        return root == null ? "илэрхийлэл задлагдсангүй" : value(root);
    }

    /**
     * Checks a text where the engine expects a delegate ({@code delegateExpression}): one of our delegates by
     * name, or a call of one of their methods.
     *
     * @return null when allowed, else why not
     */
    String checkDelegate(String text) {
        Node root = parse(text);
        Node inner = root instanceof AstEval ? root.getChild(0) : null;
        if (inner instanceof AstIdentifier id) {
            return beans.isDelegate(id.getName()) ? null : "'" + id.getName() + "' нь Саналын делегат биш";
        }
        return inner instanceof AstMethod ? check(text) : "зөвхөн ${делегат} эсвэл ${делегат.арга(...)} бичнэ";
    }

    private static Node parse(String text) {
        try {
            return PARSER.build(text).getRoot();
        } catch (TreeBuilderException e) {
            return null;
        }
    }

    private String value(Node node) {
        if (node instanceof AstText || node instanceof AstLiteral) {
            return null;
        }
        if (node instanceof AstIdentifier id) {
            return identifier(id.getName());
        }
        if (node instanceof AstMethod method) {
            return call(method);
        }
        if (node instanceof AstProperty property) {
            return property(property);
        }
        if (node instanceof AstFunction function) {
            return FUNCTIONS.contains(function.getName()) ? children(function.getChild(0))
                    : function.getName() + "(...): зөвшөөрөгдөөгүй функц";
        }
        if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
                || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice) {
            return children(node);
        }
        return node.getClass().getSimpleName() + ": зөвшөөрөгдөөгүй бичлэг";
    }

    private String children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            String refusal = value(node.getChild(i));
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private String identifier(String name) {
        if (ENGINE_OBJECTS.contains(name)) {
            return "'" + name + "' объектыг зөвхөн делегатын аргад дамжуулна";
        }
        if (beans.isBean(name)) {
            return "'" + name + "' нь Spring bean";
        }
        return null;
    }

    /** {@code ${delegate.method(args)}}: the target must be one of our delegates, by name, and a method of ours. */
    private String call(AstMethod method) {
        Node target = method.getChild(0);
        Node arguments = method.getChild(1);
        String name = target instanceof AstDot dot ? propertyName(dot) : null;
        Node base = target.getChild(0);
        if (name == null || !(base instanceof AstIdentifier bean)
                || !beans.mayCall(bean.getName(), name, arguments.getCardinality())) {
            String on = base instanceof AstIdentifier id ? id.getName() : "(...)";
            return on + "." + (name == null ? "[...]" : name) + "(...): зөвхөн Саналын делегатын аргыг дуудна";
        }
        for (int i = 0; i < arguments.getCardinality(); i++) {
            Node argument = arguments.getChild(i);
            if (!(argument instanceof AstIdentifier id && ENGINE_OBJECTS.contains(id.getName()))) {
                String refusal = value(argument);
                if (refusal != null) {
                    return refusal;
                }
            }
        }
        return null;
    }

    /** {@code ${variable.a.b}} or {@code ${variable['a'][0]}}: read from a variable, by names written in the model. */
    private String property(AstProperty property) {
        String name;
        if (property instanceof AstDot dot) {
            name = propertyName(dot);
        } else if (property instanceof AstBracket && (property.getChild(1) instanceof AstString
                || property.getChild(1) instanceof AstNumber)) {
            name = String.valueOf(((AstLiteral) property.getChild(1)).eval(null, null));
        } else {
            return "[...]: шинжийн нэрийг загварт шууд бичнэ";
        }
        if (FORBIDDEN_PROPERTIES.contains(name)) {
            return "." + name + ": хориотой шинж";
        }
        Node base = property.getChild(0);
        if (base instanceof AstIdentifier id) {
            if (ENGINE_OBJECTS.contains(id.getName()) || beans.isBean(id.getName())) {
                return id.getName() + "." + name + ": '" + id.getName() + "' объектын шинжийг уншихгүй";
            }
            return null;
        }
        if (base instanceof AstProperty inner) {
            return property(inner);
        }
        return "." + name + ": зөвхөн хувьсагчийн шинжийг уншина";
    }

    /** AstDot keeps its name to itself; its text is ". name". */
    private static String propertyName(AstDot dot) {
        return dot.toString().substring(2);
    }
}
