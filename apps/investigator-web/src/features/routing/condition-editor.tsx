import { CONDITION_DEFINITIONS, type RoutingCondition } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { Field } from "@trace/ui/field";
import { useEffect, useRef } from "react";
import { useMessages } from "../../i18n";
import {
  addChild,
  changeType,
  childrenOf,
  definitionOf,
  GROUP_TYPES,
  isGroupType,
  isRemovable,
  nodeAt,
  pathLabel,
  removeAt,
  updateAt,
  type ConditionNodeType,
  type NodePath,
} from "./condition-tree";
import { LeafFields } from "./leaf-fields";
import { labelled } from "./list-inputs";
import { controlId, type RuleErrors } from "./rule-errors";

/** The dotted draft path of a node ("condition.conditions.1.condition"), as errors name it. */
function draftPathOf(root: RoutingCondition, path: NodePath): string {
  let at = "condition";
  let node: RoutingCondition | undefined = root;
  for (const index of path) {
    at += node?.type === "not" ? ".condition" : `.conditions.${index}`;
    node = node ? childrenOf(node)[index] : undefined;
  }
  return at;
}

interface Edits {
  root: RoutingCondition;
  errors: RuleErrors;
  update: (path: NodePath, change: (node: RoutingCondition) => RoutingCondition) => void;
  add: (path: NodePath) => void;
  remove: (path: NodePath) => void;
}

/**
 * The condition builder: the rule's condition tree as nested fieldsets. Every node has a type
 * select offering the registered condition types and the three combinators (all, any, not);
 * groups list their members with an "Add condition" button, leaves show their fields.
 */
export function ConditionEditor({
  condition,
  errors,
  onChange,
}: {
  condition: RoutingCondition;
  errors: RuleErrors;
  onChange: (condition: RoutingCondition) => void;
}) {
  // Where focus goes once the tree has re-rendered after an add or a remove.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const edits: Edits = {
    root: condition,
    errors,
    update: (path, change) => onChange(updateAt(condition, path, change)),
    add: (path) => {
      const next = addChild(condition, path);
      const index = childrenOf(nodeAt(condition, path)!).length;
      focusNext.current = controlId(`${draftPathOf(next, [...path, index])}.type`);
      onChange(next);
    },
    remove: (path) => {
      const parent = path.slice(0, -1);
      focusNext.current = controlId(`${draftPathOf(condition, parent)}.conditions`);
      onChange(removeAt(condition, path));
    },
  };
  return <NodeEditor node={condition} path={[]} edits={edits} />;
}

function NodeEditor({
  node,
  path,
  edits,
}: {
  node: RoutingCondition;
  path: NodePath;
  edits: Edits;
}) {
  const m = useMessages();
  const at = draftPathOf(edits.root, path);
  const label = pathLabel(path);
  const typeError = edits.errors.get(`${at}.type`)?.join(" ");
  const groupHint = isGroupType(node.type)
    ? m.routing.conditions.groupHint[node.type]()
    : undefined;
  const isKnownLeaf = definitionOf(node.type) !== undefined;

  return (
    <fieldset
      className={`iw-routing-node iw-routing-node--${isGroupType(node.type) ? "group" : "leaf"}`}
    >
      <legend className="iw-routing-node__legend">
        {path.length === 0
          ? m.routing.conditions.rootLegend()
          : m.routing.conditions.legend({ label })}
      </legend>
      <Field
        id={controlId(`${at}.type`)}
        label={m.routing.conditions.type()}
        hint={groupHint}
        error={typeError}
      >
        {(props) => (
          <select
            {...props}
            className="t-input t-select"
            value={node.type}
            onChange={(e) =>
              edits.update(path, (n) => changeType(n, e.currentTarget.value as ConditionNodeType))
            }
          >
            {/* A type this build does not know (from a newer server) stays visible as it is. */}
            {!isKnownLeaf && !isGroupType(node.type) && (
              <option value={node.type}>{node.type}</option>
            )}
            <optgroup label={m.routing.conditions.leafTypes()}>
              {CONDITION_DEFINITIONS.map((d) => (
                <option key={d.type} value={d.type}>
                  {d.label}
                </option>
              ))}
            </optgroup>
            <optgroup label={m.routing.conditions.groupTypes()}>
              {GROUP_TYPES.map((g) => (
                <option key={g} value={g}>
                  {m.routing.conditions.group[g]()}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>
      <NodeBody node={node} path={path} at={at} edits={edits} />
      {isRemovable(edits.root, path) && (
        <div className="iw-routing-node__remove">
          <Button
            variant="quiet"
            size="small"
            onClick={() => edits.remove(path)}
            {...labelled(
              m.routing.conditions.remove(),
              m.routing.conditions.removeWhich({ label }),
            )}
          />
        </div>
      )}
    </fieldset>
  );
}

function NodeBody({
  node,
  path,
  at,
  edits,
}: {
  node: RoutingCondition;
  path: NodePath;
  at: string;
  edits: Edits;
}) {
  const m = useMessages();
  switch (node.type) {
    case "all":
    case "any": {
      const error = edits.errors.get(`${at}.conditions`)?.join(" ");
      return (
        <div className="iw-routing-group">
          {node.conditions.length > 0 && (
            <ol className="iw-routing-group__members">
              {node.conditions.map((child, index) => (
                // Members have no ids of their own; their place is what the form edits.
                <li key={index}>
                  <NodeEditor node={child} path={[...path, index]} edits={edits} />
                </li>
              ))}
            </ol>
          )}
          {error && (
            <p id={`${controlId(`${at}.conditions`)}-error`} className="t-field__error">
              {error}
            </p>
          )}
          <Button
            id={controlId(`${at}.conditions`)}
            variant="secondary"
            size="small"
            aria-describedby={error ? `${controlId(`${at}.conditions`)}-error` : undefined}
            onClick={() => edits.add(path)}
            {...labelled(
              m.routing.conditions.addCondition(),
              path.length === 0 ? "" : m.routing.conditions.toCondition({ label: pathLabel(path) }),
            )}
          />
        </div>
      );
    }
    case "not":
      return (
        <div className="iw-routing-group">
          <NodeEditor node={node.condition} path={[...path, 0]} edits={edits} />
        </div>
      );
    default:
      return (
        <LeafFields
          leaf={node}
          at={at}
          errors={edits.errors}
          onChange={(leaf) => edits.update(path, () => leaf)}
        />
      );
  }
}
