import { Navigate, useParams } from "react-router";
import { useWorkspaces } from "../api/workspaces.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { lastWorkspaceId } from "../components/current-workspace.ts";

/** "/" opens the workspace used last (or the first); someone without any creates one first. */
export function HomeRedirect() {
  const { workspaceId } = useParams();
  const workspaces = useWorkspaces();
  if (workspaceId) return <Navigate to={`/w/${workspaceId}/use-cases`} replace />;
  if (workspaces.isPending) return <PageLoader />;
  if (workspaces.isError) return <ErrorAlert error={workspaces.error} title="Could not load your workspaces" />;
  const list = workspaces.data.workspaces;
  const chosen = list.find((w) => w.id === lastWorkspaceId()) ?? list[0];
  if (!chosen) return <Navigate to="/workspaces/new" replace />;
  return <Navigate to={`/w/${chosen.id}/use-cases`} replace />;
}
