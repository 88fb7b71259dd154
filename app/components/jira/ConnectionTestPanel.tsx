import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { ConnectionTestResult } from "../../../common/contracts/jira-connection.ts";
import { useTestJiraConnection } from "../../api/jira.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { formatDateTime } from "../labels.ts";
import { PermissionReportTable } from "./PermissionReportTable.tsx";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function TestResult({ result }: { result: ConnectionTestResult }) {
  const { serverInfo, account } = result;
  return (
    <Stack gap="md" data-testid="jira-test-result" data-ok={result.ok}>
      <Group gap="xs">
        <Badge color={result.ok ? "teal" : "red"} data-testid="jira-test-status">
          {result.ok ? "ok" : "problems found"}
        </Badge>
        <Badge color={result.reachable ? "teal" : "red"} variant="light">
          {result.reachable ? "reachable" : "unreachable"}
        </Badge>
        <Text size="sm" c="dimmed" data-testid="jira-test-checked-at">
          checked at {formatDateTime(result.checkedAt)}
        </Text>
      </Group>
      {(serverInfo || account) && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {serverInfo && (
            <Fact label="Server" testId="jira-test-server">
              {serverInfo.serverTitle ?? serverInfo.baseUrl} · version {serverInfo.version}
              {serverInfo.deploymentType ? ` · ${serverInfo.deploymentType}` : ""}
            </Fact>
          )}
          {account && (
            <Fact label="Account" testId="jira-test-account">
              {account.displayName}
              {account.email ? ` · ${account.email}` : ""}
            </Fact>
          )}
          {result.tokenExpiresAt && (
            <Fact label="Token expires" testId="jira-test-token-expiry">
              {formatDateTime(result.tokenExpiresAt)}
            </Fact>
          )}
        </SimpleGrid>
      )}
      {result.problems.map((problem, index) => (
        <Alert key={`${problem.code}-${index}`} color="red" title="Problem" data-testid="jira-test-problem" data-code={problem.code}>
          {problem.message}
        </Alert>
      ))}
      {result.permissions && <PermissionReportTable report={result.permissions} />}
    </Stack>
  );
}

/** "Test connection" and the last result, which the server keeps on the connection. */
export function ConnectionTestPanel({ workspaceId, lastTest, onTest }: { workspaceId: string; lastTest: ConnectionTestResult | null; onTest?: () => void }) {
  const test = useTestJiraConnection(workspaceId);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>Connection test</Title>
          <Text size="sm" c="dimmed">
            Checks the saved settings: server, account, deployment type and the permissions Tether needs in each project.
          </Text>
        </div>
        <Button
          variant="light"
          loading={test.isPending}
          onClick={() => {
            // A new test speaks for the connection now: an earlier "Saved." must not sit beside its result.
            onTest?.();
            test.mutate();
          }}
          data-testid="jira-test"
        >
          Test connection
        </Button>
      </Group>
      <ErrorAlert error={test.error} title="The test could not run" />
      {lastTest ? (
        <TestResult result={lastTest} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="jira-test-none">
          Not tested since the connection was last saved.
        </Text>
      )}
    </Stack>
  );
}
