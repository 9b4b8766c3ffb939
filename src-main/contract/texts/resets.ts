/**
 * Password resets with a second person (issue 11, point 5): the administrator's request dialog and
 * the approver's card. Both languages, same keys; merged under `resets`: t('resets.…').
 */
export const resetsText = {
  en: {
    requestTitle: 'Request a password reset for {{name}}',
    requestBody:
      "Nobody sets another person's password. Your request must be approved by a second person — a department manager of {{name}}'s department or the general manager (for an auditor: another auditor or the general manager). The approver receives a one-time code to hand to {{name}}, who then chooses a new password at their next unlock. You never see the code.",
    requestSubmit: 'Request reset',
    requested: 'Reset requested. It takes effect when one of these approves it: {{approvers}}.',
    noApprover:
      "Reset requested, but nobody may approve it yet: add a department manager of the person's department or a general manager (for an auditor: another auditor or a general manager). Until then their password stays as it is. Your own password is reset with the recovery key.",
    close: 'Close',
    adminHint: "An administrator's password is never reset by request: it is set again with the recovery key (triplicate recover).",
    pendingTitle: 'Password resets to approve',
    pendingEmpty: 'No password resets wait for you.',
    requestedBy: 'Requested by {{name}} at {{at}}',
    approve: 'Approve',
    approveTitle: "Approve the reset of {{name}}'s password?",
    approveBody: 'Their current password stops working at once. You will see a one-time code once: hand it to {{name}} in person.',
    codeTitle: 'One-time code for {{name}}',
    codeBody: 'Shown only now. Hand it to {{name}} in person; at their next unlock they type it as their password and choose a new one.',
    codeExpires: 'Valid until {{at}}. After that it opens nothing, and a new reset is needed.',
    codeHours: 'One-time reset code valid for (hours)',
    codeHoursHint: 'From 1 to 720 hours after the approval. An expired code opens nothing; the administrator requests a new reset.',
  },
  zhCN: {
    requestTitle: '申请重置 {{name}} 的密码',
    requestBody:
      '任何人都不能设置他人的密码。您的申请须由第二人批准——{{name}} 所在部门的部门经理或总经理（审计员则为另一名审计员或总经理）。批准人将获得一次性重置码并交给 {{name}}，由其在下次解锁时设置新密码。您不会看到该重置码。',
    requestSubmit: '申请重置',
    requested: '已提交重置申请，须由以下人员之一批准后生效：{{approvers}}。',
    noApprover:
      '已提交重置申请，但目前没有人可以批准：请先添加该人员所在部门的部门经理或总经理（审计员则为另一名审计员或总经理）。在此之前其密码保持不变。您本人的密码使用恢复密钥重置。',
    close: '关闭',
    adminHint: '系统管理员的密码不能通过申请重置，须使用恢复密钥重新设置（triplicate recover）。',
    pendingTitle: '待批准的密码重置',
    pendingEmpty: '没有等待您批准的密码重置。',
    requestedBy: '由 {{name}} 于 {{at}} 申请',
    approve: '批准',
    approveTitle: '批准重置 {{name}} 的密码？',
    approveBody: '其当前密码将立即失效。一次性重置码只显示一次：请当面交给 {{name}}。',
    codeTitle: '{{name}} 的一次性重置码',
    codeBody: '仅显示这一次。请当面交给 {{name}}；其下次解锁时以此码作为密码输入，并设置新密码。',
    codeExpires: '有效期至 {{at}}。过期后不能再使用，须重新申请重置。',
    codeHours: '一次性重置码有效期（小时）',
    codeHoursHint: '批准后 1 至 720 小时。过期的重置码不能再使用，须由系统管理员重新申请重置。',
  },
};
