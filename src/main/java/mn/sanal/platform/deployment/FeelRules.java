package mn.sanal.platform.deployment;

import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.JavaFunctionInvocation;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.PathExpression;
import org.camunda.feel.syntaxtree.QualifiedFunctionInvocation;
import org.camunda.feel.syntaxtree.Ref;

import camundajar.impl.scala.Product;
import camundajar.impl.scala.util.Either;

/**
 * What a process owner may write in FEEL, checked on the tree of the FEEL engine's own parser. Camunda's FEEL
 * integration builds its engine with external functions off ({@code function(...) external {java: ...}} fails when
 * evaluated), but it does let FEEL call any public method of a Java object held in a variable ({@code x.set(7)},
 * {@code x.getClass()}). Both are refused for process owners, as is the path {@code .class}.
 */
final class FeelRules {

    private static final FeelEngine PARSER = new FeelEngine.Builder().build();

    /**
     * @return null when allowed, else why not. Input entries are unary tests, the other cells expressions; a text is
     *         checked as both where it parses as both, and refused when it parses as neither.
     */
    String check(String text) {
        if (text.isBlank()) {
            return null;
        }
        Either<FeelEngine.Failure, ParsedExpression> expression = PARSER.parseExpression(text);
        Either<FeelEngine.Failure, ParsedExpression> unaryTests = PARSER.parseUnaryTests(text);
        if (expression.isLeft() && unaryTests.isLeft()) {
            return "FEEL задлагдсангүй: " + expression.swap().toOption().get().message();
        }
        String refusal = expression.isRight() ? walk(expression.toOption().get().expression()) : null;
        if (refusal == null && unaryTests.isRight()) {
            refusal = walk(unaryTests.toOption().get().expression());
        }
        return refusal;
    }

    private static String walk(Object node) {
        if (node instanceof JavaFunctionInvocation java) {
            return "external Java функц " + java.className() + "." + java.methodName();
        }
        if (node instanceof QualifiedFunctionInvocation call) {
            return "объектын арга " + call.function() + "(...)";
        }
        if (node instanceof PathExpression path && "class".equals(path.key())
                || node instanceof Ref ref && ref.names().contains("class")) {
            return ".class";
        }
        if (node instanceof Product product) {
            for (int i = 0; i < product.productArity(); i++) {
                String refusal = walk(product.productElement(i));
                if (refusal != null) {
                    return refusal;
                }
            }
        } else if (node instanceof camundajar.impl.scala.collection.Iterable<?> items) {
            var it = items.iterator();
            while (it.hasNext()) {
                String refusal = walk(it.next());
                if (refusal != null) {
                    return refusal;
                }
            }
        }
        return null;
    }
}
