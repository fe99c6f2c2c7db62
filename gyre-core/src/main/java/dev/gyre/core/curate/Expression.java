package dev.gyre.core.curate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.gyre.core.table.ColumnType;

/**
 * A small expression over a row's columns, as {@code filter} and {@code derive} take it: literals, column names,
 * arithmetic, comparisons, {@code and/or/not}, {@code is [not] null} and a fixed list of functions. It is parsed by
 * hand into a tree of {@link Node}s and never run as given: the engine compiles the tree (columns quoted, literals
 * bound), so user text cannot reach SQL. Two expressions are equal when they parse to the same tree, whatever
 * their spacing; {@link #toString()} is that tree written out in full.
 *
 * <p>Grammar, loosest first: {@code or}, {@code and}, {@code not}, a comparison ({@code = != < <= > >=}) or
 * {@code is [not] null}, {@code + -}, {@code * / %}, unary {@code -}, then a literal, a column, a call or
 * {@code ( ... )}. Keywords are case-insensitive; a column whose name is not a plain identifier, or is a keyword, is
 * written in backquotes ({@code `body mass`}, a backquote inside doubled).
 */
public final class Expression {
    /** Longer texts are refused, and so is deeper nesting: a recipe is not a program. */
    static final int MAX_LENGTH = 4_000;
    static final int MAX_DEPTH = 64;
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "is", "null", "true", "false");

    /** A node of the tree; {@code position} is its 1-based place in the text, for messages. */
    public sealed interface Node {
        int position();
    }

    /** A number (Double), a text (String), true/false (Boolean) or null. */
    public record Literal(Object value, int position) implements Node {
    }

    public record ColumnRef(String name, int position) implements Node {
    }

    /** {@code -} or {@code not}. */
    public record Unary(String operator, Node operand, int position) implements Node {
    }

    /** One of {@code + - * / % = != < <= > >= and or}. */
    public record Binary(String operator, Node left, Node right, int position) implements Node {
    }

    public record IsNull(Node operand, boolean negated, int position) implements Node {
    }

    /** A call of one of {@link #FUNCTIONS}, by its name as listed there. */
    public record Call(String function, List<Node> arguments, int position) implements Node {
    }

    /** What a function takes and gives: {@code argument} null means "one type shared by all arguments". */
    record Function(int minArity, int maxArity, ColumnType argument, ColumnType result) {
    }

    /** The functions an expression may call; nothing else is callable. */
    static final Map<String, Function> FUNCTIONS = functions();

    private static Map<String, Function> functions() {
        Map<String, Function> f = new LinkedHashMap<>();
        for (String name : List.of("log1p", "log", "exp", "sqrt", "abs", "floor", "ceil")) {
            f.put(name, new Function(1, 1, ColumnType.NUMERIC, ColumnType.NUMERIC));
        }
        f.put("round", new Function(1, 2, ColumnType.NUMERIC, ColumnType.NUMERIC));
        f.put("pow", new Function(2, 2, ColumnType.NUMERIC, ColumnType.NUMERIC));
        f.put("least", new Function(1, Integer.MAX_VALUE, null, null));
        f.put("greatest", new Function(1, Integer.MAX_VALUE, null, null));
        f.put("coalesce", new Function(1, Integer.MAX_VALUE, null, null));
        for (String name : List.of("lower", "upper", "trim")) {
            f.put(name, new Function(1, 1, ColumnType.CATEGORICAL, ColumnType.CATEGORICAL));
        }
        for (String name : List.of("length", "year", "month", "day", "dayOfWeek", "hour")) {
            f.put(name, new Function(1, 1, ColumnType.CATEGORICAL, ColumnType.NUMERIC));
        }
        return java.util.Collections.unmodifiableMap(f);
    }

    private final String text;
    private final Node root;
    private final String canonical;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
        this.canonical = write(root);
    }

    /** Parses {@code text}; an unknown function or a call with the wrong number of arguments is refused here. */
    public static Expression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ExpressionException(1, null, "the expression is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException(MAX_LENGTH, null, "the expression is longer than " + MAX_LENGTH
                    + " characters");
        }
        return new Expression(text, new Parser(text).parse());
    }

    /** The text as the recipe gave it, which positions in messages count in. */
    public String text() {
        return text;
    }

    public Node root() {
        return root;
    }

    /**
     * The expression's type over {@code columns} (the user columns at that step, in order); null when it can only
     * be null (the literal {@code null}). Null has every type: {@code x + null} is numeric.
     *
     * @throws ExpressionException for an unknown column or operands of the wrong type, naming the column
     */
    public ColumnType check(Map<String, ColumnType> columns) {
        return type(root, columns);
    }

    private static ColumnType type(Node node, Map<String, ColumnType> columns) {
        if (node instanceof Literal l) {
            return l.value() == null ? null : l.value() instanceof Double ? ColumnType.NUMERIC
                    : l.value() instanceof Boolean ? ColumnType.BOOLEAN : ColumnType.CATEGORICAL;
        }
        if (node instanceof ColumnRef c) {
            ColumnType type = columns.get(c.name());
            if (type == null) {
                throw new ExpressionException(c.position(), c.name(), "no column \"" + c.name() + "\" at this step; "
                        + "the columns are " + String.join(", ", columns.keySet()));
            }
            return type;
        }
        if (node instanceof Unary u) {
            ColumnType want = u.operator().equals("not") ? ColumnType.BOOLEAN : ColumnType.NUMERIC;
            expect(u.operand(), type(u.operand(), columns), want, "'" + u.operator() + "'");
            return want;
        }
        if (node instanceof IsNull n) {
            type(n.operand(), columns);
            return ColumnType.BOOLEAN;
        }
        if (node instanceof Binary b) {
            ColumnType left = type(b.left(), columns);
            ColumnType right = type(b.right(), columns);
            String what = "'" + b.operator() + "'";
            switch (b.operator()) {
                case "and", "or" -> {
                    expect(b.left(), left, ColumnType.BOOLEAN, what);
                    expect(b.right(), right, ColumnType.BOOLEAN, what);
                    return ColumnType.BOOLEAN;
                }
                case "=", "!=" -> {
                    same(b.right(), left, right, what);
                    return ColumnType.BOOLEAN;
                }
                case "<", "<=", ">", ">=" -> {
                    same(b.right(), left, right, what);
                    if (left == ColumnType.BOOLEAN || right == ColumnType.BOOLEAN) {
                        Node at = left == ColumnType.BOOLEAN ? b.left() : b.right();
                        throw mismatch(at, ColumnType.BOOLEAN, what + " orders numbers or texts");
                    }
                    return ColumnType.BOOLEAN;
                }
                default -> {
                    expect(b.left(), left, ColumnType.NUMERIC, what);
                    expect(b.right(), right, ColumnType.NUMERIC, what);
                    return ColumnType.NUMERIC;
                }
            }
        }
        Call call = (Call) node;
        Function f = FUNCTIONS.get(call.function());
        String what = call.function() + "()";
        if (f.argument() != null) {
            for (Node argument : call.arguments()) {
                expect(argument, type(argument, columns), f.argument(), what);
            }
            return f.result();
        }
        ColumnType shared = null;
        for (Node argument : call.arguments()) {
            ColumnType t = type(argument, columns);
            same(argument, shared, t, what);
            shared = shared == null ? t : shared;
        }
        if (!call.function().equals("coalesce") && shared == ColumnType.BOOLEAN) {
            throw new ExpressionException(call.position(), null, what + " compares numbers or texts, not booleans");
        }
        return shared;
    }

    private static void expect(Node node, ColumnType actual, ColumnType wanted, String what) {
        if (actual != null && actual != wanted) {
            throw mismatch(node, actual, what + " needs " + describe(wanted));
        }
    }

    private static void same(Node node, ColumnType left, ColumnType right, String what) {
        if (left != null && right != null && left != right) {
            throw mismatch(node, right, what + " needs both sides of one type, not " + describe(left) + " and "
                    + describe(right));
        }
    }

    private static ExpressionException mismatch(Node node, ColumnType actual, String why) {
        if (node instanceof ColumnRef c) {
            return new ExpressionException(c.position(), c.name(), "column \"" + c.name() + "\" is "
                    + actual.name().toLowerCase(Locale.ROOT) + ": " + why);
        }
        return new ExpressionException(node.position(), null, "this is " + describe(actual) + ": " + why);
    }

    private static String describe(ColumnType type) {
        return switch (type) {
            case NUMERIC -> "a number";
            case BOOLEAN -> "a boolean";
            case CATEGORICAL -> "a text";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expression e && e.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }

    /** The tree in full parentheses: what identifies the expression. */
    private static String write(Node node) {
        if (node instanceof Literal l) {
            Object v = l.value();
            return v == null ? "null" : v instanceof String s ? "'" + s.replace("'", "''") + "'" : v.toString();
        }
        if (node instanceof ColumnRef c) {
            return isIdentifier(c.name()) && !KEYWORDS.contains(c.name().toLowerCase(Locale.ROOT))
                    && !FUNCTIONS.containsKey(c.name()) ? c.name() : "`" + c.name().replace("`", "``") + "`";
        }
        if (node instanceof Unary u) {
            return "(" + u.operator() + (u.operator().equals("not") ? " " : "") + write(u.operand()) + ")";
        }
        if (node instanceof IsNull n) {
            return "(" + write(n.operand()) + (n.negated() ? " is not null)" : " is null)");
        }
        if (node instanceof Binary b) {
            return "(" + write(b.left()) + " " + b.operator() + " " + write(b.right()) + ")";
        }
        Call call = (Call) node;
        return call.function() + "(" + String.join(", ", call.arguments().stream().map(Expression::write).toList())
                + ")";
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) && s.charAt(0) < 128 || s.charAt(0) == '_')) {
            return false;
        }
        return s.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'));
    }

    private enum Kind { NUMBER, STRING, WORD, QUOTED, SYMBOL, END }

    /** A token: {@code text} is the value of a string or quoted name, the spelling otherwise. */
    private record Token(Kind kind, String text, int position) {
        boolean is(String symbolOrKeyword) {
            return (kind == Kind.SYMBOL && text.equals(symbolOrKeyword))
                    || (kind == Kind.WORD && text.equalsIgnoreCase(symbolOrKeyword));
        }
    }

    /** Recursive descent over the tokens, one method per level of the grammar. */
    private static final class Parser {
        private final List<Token> tokens;
        private int at;
        private int depth;

        Parser(String text) {
            this.tokens = tokens(text);
        }

        Node parse() {
            Node node = or();
            Token end = peek();
            if (end.kind() != Kind.END) {
                throw new ExpressionException(end.position(), null, "unexpected '" + end.text() + "'; expected an "
                        + "operator or the end of the expression");
            }
            return node;
        }

        private Node or() {
            enter();
            Node left = and();
            while (peek().is("or")) {
                Token op = next();
                left = new Binary("or", left, and(), op.position());
            }
            depth--;
            return left;
        }

        private Node and() {
            Node left = not();
            while (peek().is("and")) {
                Token op = next();
                left = new Binary("and", left, not(), op.position());
            }
            return left;
        }

        private Node not() {
            if (peek().is("not")) {
                Token op = next();
                enter();
                Node operand = not();
                depth--;
                return new Unary("not", operand, op.position());
            }
            return comparison();
        }

        private Node comparison() {
            Node left = sum();
            Token t = peek();
            for (String op : List.of("=", "!=", "<", "<=", ">", ">=")) {
                if (t.is(op)) {
                    next();
                    return new Binary(op, left, sum(), t.position());
                }
            }
            if (t.is("is")) {
                next();
                boolean negated = peek().is("not");
                if (negated) {
                    next();
                }
                Token n = next();
                if (!n.is("null")) {
                    throw new ExpressionException(n.position(), null, "expected 'null' after 'is"
                            + (negated ? " not'" : "'"));
                }
                return new IsNull(left, negated, t.position());
            }
            return left;
        }

        private Node sum() {
            Node left = product();
            while (peek().is("+") || peek().is("-")) {
                Token op = next();
                left = new Binary(op.text(), left, product(), op.position());
            }
            return left;
        }

        private Node product() {
            Node left = unary();
            while (peek().is("*") || peek().is("/") || peek().is("%")) {
                Token op = next();
                left = new Binary(op.text(), left, unary(), op.position());
            }
            return left;
        }

        private Node unary() {
            if (peek().is("-")) {
                Token op = next();
                enter();
                Node operand = unary();
                depth--;
                return new Unary("-", operand, op.position());
            }
            return primary();
        }

        private Node primary() {
            Token t = next();
            switch (t.kind()) {
                case NUMBER:
                    double value = Double.parseDouble(t.text());
                    if (Double.isInfinite(value)) {
                        throw new ExpressionException(t.position(), null, "the number " + t.text() + " is too large");
                    }
                    return new Literal(value, t.position());
                case STRING:
                    return new Literal(t.text(), t.position());
                case QUOTED:
                    return new ColumnRef(t.text(), t.position());
                case WORD:
                    return word(t);
                case SYMBOL:
                    if (t.is("(")) {
                        Node inner = or();
                        expect(")");
                        return inner;
                    }
                    throw new ExpressionException(t.position(), null, "unexpected '" + t.text() + "'; expected a "
                            + "value, a column or '('");
                default:
                    throw new ExpressionException(t.position(), null, "the expression ends too soon; expected a "
                            + "value, a column or '('");
            }
        }

        private Node word(Token t) {
            String lower = t.text().toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return new Literal(lower.equals("true"), t.position());
            }
            if (lower.equals("null")) {
                return new Literal(null, t.position());
            }
            if (KEYWORDS.contains(lower)) {
                throw new ExpressionException(t.position(), null, "unexpected '" + t.text() + "'; a column named so "
                        + "is written `" + t.text() + "`");
            }
            if (!peek().is("(")) {
                return new ColumnRef(t.text(), t.position());
            }
            String name = null;
            for (String f : FUNCTIONS.keySet()) {
                if (f.equalsIgnoreCase(t.text())) {
                    name = f;
                }
            }
            if (name == null) {
                throw new ExpressionException(t.position(), null, "unknown function '" + t.text() + "'; the "
                        + "functions are " + String.join(", ", FUNCTIONS.keySet()));
            }
            next();
            enter();
            List<Node> arguments = new ArrayList<>();
            if (!peek().is(")")) {
                arguments.add(or());
                while (peek().is(",")) {
                    next();
                    arguments.add(or());
                }
            }
            expect(")");
            depth--;
            Function f = FUNCTIONS.get(name);
            if (arguments.size() < f.minArity() || arguments.size() > f.maxArity()) {
                String wanted = f.minArity() == f.maxArity() ? String.valueOf(f.minArity())
                        : f.maxArity() == Integer.MAX_VALUE ? "at least " + f.minArity()
                        : f.minArity() + " or " + f.maxArity();
                throw new ExpressionException(t.position(), null, name + "() takes " + wanted + " argument"
                        + (wanted.equals("1") ? "" : "s") + ", not " + arguments.size());
            }
            return new Call(name, List.copyOf(arguments), t.position());
        }

        private void expect(String symbol) {
            Token t = next();
            if (!t.is(symbol)) {
                throw new ExpressionException(t.position(), null, (t.kind() == Kind.END ? "the expression ends too "
                        + "soon" : "unexpected '" + t.text() + "'") + "; expected '" + symbol + "'");
            }
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw new ExpressionException(peek().position(), null, "the expression nests deeper than "
                        + MAX_DEPTH + " levels");
            }
        }

        private Token peek() {
            return tokens.get(at);
        }

        private Token next() {
            Token t = tokens.get(at);
            if (t.kind() != Kind.END) {
                at++;
            }
            return t;
        }
    }

    private static List<Token> tokens(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (isDigit(ch) || (ch == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
                // digits [. digits] [e [+-] digits]: the only spellings Double.parseDouble is given
                while (i < s.length() && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i < s.length() && s.charAt(i) == '.') {
                    i++;
                    while (i < s.length() && isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int e = i + 1;
                    if (e < s.length() && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
                        e++;
                    }
                    if (e < s.length() && isDigit(s.charAt(e))) {
                        i = e;
                        while (i < s.length() && isDigit(s.charAt(i))) {
                            i++;
                        }
                    }
                }
                if (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
                    throw new ExpressionException(i + 1, null, "a number cannot run into '" + s.charAt(i) + "'");
                }
                tokens.add(new Token(Kind.NUMBER, s.substring(start, i), start + 1));
            } else if (ch == '\'' || ch == '`') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new ExpressionException(start + 1, null, ch == '\'' ? "the text starting here has no "
                                + "closing quote (a quote inside is written '')" : "the column name starting here "
                                + "has no closing backquote");
                    }
                    if (s.charAt(i) == ch) {
                        if (i + 1 < s.length() && s.charAt(i + 1) == ch) { // doubled: one quote inside
                            value.append(ch);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(s.charAt(i++));
                }
                if (ch == '`' && value.length() == 0) {
                    throw new ExpressionException(start + 1, null, "a column name cannot be empty");
                }
                tokens.add(new Token(ch == '\'' ? Kind.STRING : Kind.QUOTED, value.toString(), start + 1));
            } else if (ch < 128 && (Character.isLetter(ch) || ch == '_')) {
                while (i < s.length() && s.charAt(i) < 128 && (Character.isLetterOrDigit(s.charAt(i))
                        || s.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, s.substring(start, i), start + 1));
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("!=") || two.equals("<=") || two.equals(">=")) {
                    tokens.add(new Token(Kind.SYMBOL, two, start + 1));
                    i += 2;
                } else if ("+-*/%=<>(),".indexOf(ch) >= 0) {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(ch), start + 1));
                    i++;
                } else {
                    throw new ExpressionException(start + 1, null, "unexpected character '" + ch + "'"
                            + (ch == '"' ? "; texts are in single quotes, column names with spaces in backquotes"
                            : ""));
                }
            }
        }
        tokens.add(new Token(Kind.END, "", s.length() + 1));
        return tokens;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
