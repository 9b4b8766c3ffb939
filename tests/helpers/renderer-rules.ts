/**
 * Finds permission rules restated in renderer code (issue 13 point 2): a comparison of the
 * signed-in person's rank, duties or department, of anyone's rank or duties, or a rank ordering. It reads the syntax tree, so
 * spacing, quotes and line breaks do not matter; what it cannot see (a rule hidden behind a helper
 * taking the whole actor) stays for review.
 */
import ts from 'typescript';

const PERSON_FACTS = new Set(['rank', 'duties', 'department', 'role']);
const SEARCHES = new Set(['includes', 'indexOf', 'some', 'every', 'find', 'has']);
const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** `actor.rank`, `actor.duties`, `session.actor.department`, … */
function isActorFact(node: ts.Node): node is ts.PropertyAccessExpression {
  if (!ts.isPropertyAccessExpression(node) || !PERSON_FACTS.has(node.name.text)) return false;
  const owner = node.expression;
  return (ts.isIdentifier(owner) && owner.text === 'actor') || (ts.isPropertyAccessExpression(owner) && owner.name.text === 'actor');
}

/**
 * `person.duties`, `row.rank`, … of anyone: a listed person's duties searched or rank compared decides
 * what the viewer may do to them, which the core says per row (`ListedPerson.mayRequestReset`).
 * Their department is left out: lists are grouped and filtered by department without any rule.
 */
function isPersonFact(node: ts.Node): node is ts.PropertyAccessExpression {
  return ts.isPropertyAccessExpression(node) && (node.name.text === 'duties' || node.name.text === 'rank');
}

/** `file:line` of each restatement found in one source file. */
export function findRuleRestatements(source: string, file: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node) => found.push(`${file}:${tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1}`);
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      COMPARISONS.has(node.operatorToken.kind) &&
      [node.left, node.right].some((side) => isActorFact(side) || isPersonFact(side))
    )
      report(node);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      // actor.duties.includes('auditor') and the like (listing the duties to show them is not a rule).
      if (ts.isPropertyAccessExpression(callee) && SEARCHES.has(callee.name.text) && (isActorFact(callee.expression) || isPersonFact(callee.expression)))
        report(node);
      // Ordering ranks is the policy's (rankAtLeast in contract/people.ts).
      else if (ts.isIdentifier(callee) && callee.text === 'rankAtLeast') report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}
