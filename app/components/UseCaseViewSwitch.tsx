import { SegmentedControl } from "@mantine/core";
import { useLocation, useNavigate } from "react-router";

export type UseCaseView = "list" | "board";

/** List | Board; the filters in the URL come along. */
export function UseCaseViewSwitch({ workspaceId, view }: { workspaceId: string; view: UseCaseView }) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const base = `/w/${workspaceId}/use-cases`;
  return (
    <SegmentedControl
      size="xs"
      value={view}
      data={[
        { value: "list", label: "List" },
        { value: "board", label: "Board" },
      ]}
      onChange={(next) => navigate(`${next === "board" ? `${base}/board` : base}${search}`)}
      data-testid="view-switch"
    />
  );
}
