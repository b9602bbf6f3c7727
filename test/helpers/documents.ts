import { Kind, type SelectionSetNode } from "graphql";

/** Whether a result union's selection asks `... on Error { message }`: what every client must read. */
export const selectsErrorMessage = (set: SelectionSetNode) =>
  set.selections.some(
    (s) =>
      s.kind === Kind.INLINE_FRAGMENT &&
      s.typeCondition?.name.value === "Error" &&
      s.selectionSet.selections.some((f) => f.kind === Kind.FIELD && f.name.value === "message"),
  );
