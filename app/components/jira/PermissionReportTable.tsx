import { Alert, Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import type { z } from "zod";
import type { PermissionFinding, PermissionReport } from "../../../common/contracts/jira-connection.ts";

type Finding = z.infer<typeof PermissionFinding>;

const needBadge: Record<Finding["need"], { label: string; color: string }> = {
  required: { label: "required", color: "red" },
  optional: { label: "optional", color: "gray" },
  admin: { label: "admin", color: "violet" },
};

function Granted({ granted }: { granted: boolean }) {
  return (
    <Text c={granted ? "teal.7" : "red.7"} fw={700} aria-label={granted ? "granted" : "missing"} data-testid="permission-granted">
      {granted ? "✓" : "✗"}
    </Text>
  );
}

function FindingRow({ finding }: { finding: Finding }) {
  const need = needBadge[finding.need];
  return (
    <Table.Tr data-testid="permission-row" data-permission={finding.permission} data-granted={finding.granted}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {finding.label}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {finding.permission}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={need.color} size="sm">
          {need.label}
        </Badge>
      </Table.Td>
      <Table.Td ta="center">
        <Granted granted={finding.granted} />
      </Table.Td>
      <Table.Td>
        {finding.explanation && (
          <Text size="sm" data-testid="permission-explanation">
            {finding.explanation}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** What the account may do in each selected project, and what a Jira admin should grant if not. */
export function PermissionReportTable({ report }: { report: PermissionReport }) {
  const administer = report.administer;
  return (
    <Stack gap="md" data-testid="permission-report">
      {report.projects.map((project) => (
        <Paper withBorder key={project.projectKey} data-testid="permission-project" data-project={project.projectKey}>
          <Group justify="space-between" px="md" py="xs" gap="xs">
            <Text fw={600}>Project {project.projectKey}</Text>
            {project.notFound ? (
              <Badge color="red" variant="light" data-testid="permission-project-not-found">
                project {project.projectKey} not found
              </Badge>
            ) : project.missingRequired.length === 0 ? (
              <Badge color="teal" variant="light">
                all required permissions granted
              </Badge>
            ) : (
              <Badge color="red" variant="light">
                {project.missingRequired.length} required permission{project.missingRequired.length === 1 ? "" : "s"} missing
              </Badge>
            )}
          </Group>
          {/* On a phone the table scrolls sideways inside its card; the page itself stays as wide as the screen. */}
          {!project.notFound && (
          <Table.ScrollContainer minWidth={620} type="native" tabIndex={0} aria-label={`Permissions in ${project.projectKey}`}>
            <Table verticalSpacing="xs" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={220}>Permission</Table.Th>
                  <Table.Th w={100}>Need</Table.Th>
                  <Table.Th w={80} ta="center">
                    Granted
                  </Table.Th>
                  <Table.Th>What it means</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {project.findings.map((finding) => (
                  <FindingRow key={finding.permission} finding={finding} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          )}
        </Paper>
      ))}
      <Alert
        color={administer.granted ? "teal" : "yellow"}
        title={`${administer.label}: ${administer.granted ? "granted" : "not granted"}`}
        data-testid="permission-administer"
        data-granted={administer.granted}
      >
        <Text size="sm">Needed to register the webhook automatically.</Text>
        {administer.explanation && (
          <Text size="sm" mt="xs" data-testid="permission-explanation">
            {administer.explanation}
          </Text>
        )}
      </Alert>
    </Stack>
  );
}
