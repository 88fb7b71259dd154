import { Switch } from "@mantine/core";
import { useCustomFieldSettings, useUpdateCustomFieldSettings } from "../../api/custom-fields.ts";
import { useCurrentWorkspace } from "../current-workspace.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";

/** "Moderators may define fields" (Admins always may); only Admins may change it. */
export function ModeratorsSwitch({ workspaceId }: { workspaceId: string }) {
  const mayChange = useCurrentWorkspace().workspace?.role === "admin";
  const settings = useCustomFieldSettings(workspaceId);
  const update = useUpdateCustomFieldSettings(workspaceId);
  return (
    <>
      <Switch
        label="Moderators may define fields"
        checked={settings.data?.moderatorsMayDefine ?? false}
        disabled={!mayChange || settings.isPending || update.isPending}
        onChange={(e) => update.mutate(e.currentTarget.checked)}
        data-testid="moderators-may-define"
      />
      <ErrorAlert error={update.error} title="Could not change who may define fields" />
    </>
  );
}
