import { prisma } from '#app/db.server.ts'

/** Awaits an object of queries side by side, keeping each result under its own name. */
export async function allNamed<T extends Record<string, PromiseLike<unknown>>>(
  queries: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = Object.entries(queries)
  const results = await Promise.all(entries.map(([, query]) => query))
  return Object.fromEntries(entries.map(([name], i) => [name, results[i]])) as {
    [K in keyof T]: Awaited<T[K]>
  }
}

/**
 * Everything the platform holds about one person, read for the personal data export: one
 * query per model (the audit trail second, as it needs the ids of the person's evidence,
 * records, evaluations and coaching sessions), each with an explicit select that leaves out
 * secrets (password hash, session ids, token and PIN hashes) and internal storage keys.
 */
export async function readPersonalData(userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      isPlatformAdmin: true,
      createdAt: true,
      passwordChangedAt: true,
    },
  })
  if (!user) return null
  const asAgentOrEvaluator = { OR: [{ agentId: userId }, { evaluatorId: userId }] }
  // Named, not positional: this many queries side by side must not be able to swap labels.
  const rows = await allNamed({
    memberships: prisma.membership.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        createdAt: true,
        deactivatedAt: true,
        organisation: { select: { slug: true, name: true, kind: true } },
        roles: { select: { role: true }, orderBy: { role: 'asc' } },
        teams: {
          select: { team: { select: { name: true, client: { select: { name: true } } } } },
        },
        scimProfile: {
          select: {
            externalId: true,
            givenName: true,
            familyName: true,
            department: true,
            managerMembershipId: true,
            deletedAt: true,
          },
        },
      },
    }),
    // The id is the hash of the cookie's secret: never exported.
    sessions: prisma.session.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: {
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
        userAgent: true,
        ipAddress: true,
        embedded: true,
        frameAncestors: true,
      },
    }),
    ssoIdentities: prisma.ssoIdentity.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { issuer: true, subject: true, createdAt: true },
    }),
    ltiUsers: prisma.ltiUser.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: {
        subject: true,
        createdAt: true,
        platform: { select: { name: true, issuer: true } },
        launches: {
          orderBy: { firstLaunchAt: 'asc' },
          select: {
            firstLaunchAt: true,
            lastLaunchAt: true,
            scoreGiven: true,
            scoreMaximum: true,
            activityProgress: true,
            scoreSentAt: true,
            link: { select: { title: true, targetKind: true, targetRef: true } },
          },
        },
      },
    }),
    // Sent by them, or to their address; the link's token hash stays out.
    invitations: prisma.invitation.findMany({
      where: { OR: [{ invitedById: userId }, { email: user.email }] },
      orderBy: { createdAt: 'asc' },
      select: {
        email: true,
        roles: true,
        invitedById: true,
        createdAt: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        organisation: { select: { slug: true, name: true } },
      },
    }),
    // The text can hold a one-time sign-in or reset link: only what was sent, and when.
    emails: prisma.email.findMany({
      where: { to: user.email },
      orderBy: { createdAt: 'asc' },
      select: { subject: true, transport: true, createdAt: true, sentAt: true },
    }),
    enrolments: prisma.enrolment.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { courseId: true, source: true, assignedById: true, dueAt: true, createdAt: true },
    }),
    lessonCompletions: prisma.lessonCompletion.findMany({
      where: { userId },
      orderBy: { completedAt: 'asc' },
      select: { lessonKey: true, courseId: true, via: true, completedAt: true },
    }),
    quizAttempts: prisma.quizAttempt.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: {
        lessonKey: true,
        courseId: true,
        score: true,
        passMark: true,
        passed: true,
        answers: true,
        createdAt: true,
      },
    }),
    reflections: prisma.reflection.findMany({
      where: { userId },
      orderBy: [{ lessonKey: 'asc' }, { reflectionKey: 'asc' }],
      select: { lessonKey: true, reflectionKey: true, text: true, updatedAt: true },
    }),
    learningEvents: prisma.learningEvent.findMany({
      where: { userId },
      orderBy: [{ timestamp: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        userId: true,
        verb: true,
        objectType: true,
        objectId: true,
        resultScore: true,
        resultSuccess: true,
        resultStep: true,
        courseId: true,
        lessonKey: true,
        workProcessCodes: true,
        timestamp: true,
        statement: true,
        verbIri: true,
        registration: true,
        voidsId: true,
        storedAt: true,
      },
    }),
    workProcessStatuses: prisma.workProcessStatus.findMany({
      where: { userId },
      orderBy: [{ dossierSlug: 'asc' }, { workProcessCode: 'asc' }],
      select: { dossierSlug: true, workProcessCode: true, step: true, updatedAt: true },
    }),
    packageAttempts: prisma.packageAttempt.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: {
        lessonKey: true,
        registration: true,
        cmi: true,
        completion: true,
        success: true,
        score: true,
        endedAt: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
    accessLog: prisma.accessLogEntry.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        viewedById: true,
        organisationId: true,
        via: true,
        kind: true,
        objectId: true,
        createdAt: true,
      },
    }),
    erasureRequests: prisma.erasureRequest.findMany({
      where: { userId },
      orderBy: { requestedAt: 'asc' },
      select: {
        organisationId: true,
        requestedById: true,
        requestedAt: true,
        status: true,
        decidedById: true,
        decidedAt: true,
        decisionNote: true,
        waitingFor: true,
        notBefore: true,
      },
    }),
    legalHolds: prisma.legalHold.findMany({
      where: { userId },
      orderBy: { placedAt: 'asc' },
      select: {
        organisationId: true,
        reason: true,
        placedById: true,
        placedAt: true,
        liftedById: true,
        liftedAt: true,
      },
    }),
    xapiDocuments: prisma.xapiDocument.findMany({
      where: { userId },
      orderBy: { updatedAt: 'asc' },
      select: {
        kind: true,
        activityId: true,
        registration: true,
        documentId: true,
        contentType: true,
        content: true,
        updatedAt: true,
      },
    }),
    evidence: prisma.evidence.findMany({
      where: { userId },
      orderBy: { submittedAt: 'asc' },
      select: {
        id: true,
        organisation: { select: { slug: true, name: true } },
        dossierSlug: true,
        kind: true,
        title: true,
        narrative: true,
        competencies: true,
        coreTaskCode: true,
        fileKey: true,
        fileName: true,
        fileType: true,
        fileSize: true,
        submittedAt: true,
        workProcesses: { select: { workProcessCode: true } },
        assessments: {
          orderBy: { createdAt: 'asc' },
          select: {
            workProcessCode: true,
            decision: true,
            comment: true,
            criteriaVersion: true,
            createdAt: true,
            assessor: { select: { name: true } },
            scores: {
              orderBy: { position: 'asc' },
              select: {
                criterionNl: true,
                criterionEn: true,
                requiredLevel: true,
                level: true,
                comment: true,
              },
            },
          },
        },
      },
    }),
    // Judgements the person gave as an assessor (of other people's evidence: by id only).
    assessmentsGiven: prisma.assessment.findMany({
      where: { assessorId: userId },
      orderBy: { createdAt: 'asc' },
      select: {
        evidenceId: true,
        workProcessCode: true,
        decision: true,
        comment: true,
        criteriaVersion: true,
        createdAt: true,
      },
    }),
    records: prisma.completionRecord.findMany({
      where: { userId },
      orderBy: [{ issuedAt: 'asc' }, { code: 'asc' }],
      select: {
        id: true,
        level: true,
        dossierSlug: true,
        dossierVersion: true,
        code: true,
        name: true,
        recipientName: true,
        credential: true,
        jwt: true,
        dataIntegrity: true,
        kid: true,
        issuedAt: true,
        validUntil: true,
        statusListId: true,
        statusListIndex: true,
        organisation: { select: { slug: true, name: true } },
        revocation: { select: { revokedAt: true, reason: true } },
        suspension: { select: { suspendedAt: true, reason: true } },
      },
    }),
    // Wallet offers the person made; the code and PIN are stored as hashes only and stay out.
    walletOffers: prisma.walletOffer.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: {
        recordId: true,
        wrongPins: true,
        expiresAt: true,
        redeemedAt: true,
        burntAt: true,
        createdAt: true,
      },
    }),
    assignments: prisma.assignment.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: {
        organisation: { select: { slug: true, name: true } },
        kind: true,
        courseId: true,
        dossierSlug: true,
        workProcessCode: true,
        dueAt: true,
        assignedById: true,
        createdAt: true,
        remindedAt: true,
      },
    }),
    evaluations: prisma.evaluation.findMany({
      where: asAgentOrEvaluator,
      orderBy: { contactAt: 'asc' },
      select: {
        id: true,
        agentId: true,
        evaluatorId: true,
        organisation: { select: { slug: true, name: true } },
        scorecardVersion: {
          select: { version: true, scorecard: { select: { name: true } } },
        },
        evaluator: { select: { name: true } },
        calibrationSessionId: true,
        source: true,
        externalId: true,
        contactAt: true,
        channel: true,
        durationSeconds: true,
        clientBrand: true,
        score: true,
        passed: true,
        criticalFailed: true,
        comment: true,
        fileKey: true,
        fileName: true,
        fileType: true,
        fileSize: true,
        status: true,
        acknowledgedAt: true,
        disputeReason: true,
        disputedAt: true,
        resolvedAt: true,
        resolutionNote: true,
        createdAt: true,
        items: {
          orderBy: { itemKey: 'asc' },
          select: { sectionKey: true, itemKey: true, value: true, comment: true },
        },
        workProcesses: {
          select: { dossierSlug: true, workProcessCode: true, score: true, passed: true },
        },
      },
    }),
    calibrationSessions: prisma.calibrationSession.findMany({
      where: {
        OR: [
          { agentId: userId },
          { referenceEvaluatorId: userId },
          { createdById: userId },
          { evaluators: { some: { userId } } },
        ],
      },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        agentId: true,
        referenceEvaluatorId: true,
        createdById: true,
        title: true,
        externalId: true,
        contactAt: true,
        channel: true,
        createdAt: true,
        closedAt: true,
        organisation: { select: { slug: true, name: true } },
        evaluators: { where: { userId }, select: { userId: true } },
      },
    }),
    coachingSessions: prisma.coachingSession.findMany({
      where: { OR: [{ agentId: userId }, { coachId: userId }] },
      orderBy: { heldAt: 'asc' },
      select: {
        id: true,
        agentId: true,
        coachId: true,
        coach: { select: { name: true } },
        organisation: { select: { slug: true, name: true } },
        heldAt: true,
        discussed: true,
        agreements: true,
        followUpAt: true,
        confirmedAt: true,
        evidenceId: true,
        createdAt: true,
        evaluations: { select: { evaluationId: true } },
        workProcesses: { select: { dossierSlug: true, workProcessCode: true } },
      },
    }),
    ruleFirings: prisma.qualityRuleFiring.findMany({
      where: { agentId: userId },
      orderBy: { firedAt: 'asc' },
      select: {
        key: true,
        assignmentId: true,
        evidenceId: true,
        firedAt: true,
        rule: { select: { kind: true, dossierSlug: true, workProcessCode: true } },
      },
    }),
    kpiWeeks: prisma.kpiWeek.findMany({
      where: { userId },
      orderBy: { weekStart: 'asc' },
      select: {
        organisation: { select: { slug: true, name: true } },
        weekStart: true,
        ahtSeconds: true,
        fcrPercent: true,
        csat: true,
        nps: true,
        adherencePercent: true,
      },
    }),
    // The storage's keys and upload ids are internal handles, not data about the person.
    uploads: prisma.upload.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: {
        fileName: true,
        size: true,
        status: true,
        fileType: true,
        evidenceId: true,
        createdAt: true,
        completedAt: true,
      },
    }),
  })

  // The audit trail: what the person did, and what was done to them or their things.
  const subjects = [
    { subjectType: 'user', subjectId: { in: [userId] } },
    { subjectType: 'evidence', subjectId: { in: rows.evidence.map((e) => e.id) } },
    { subjectType: 'record', subjectId: { in: rows.records.map((r) => r.id) } },
    { subjectType: 'evaluation', subjectId: { in: rows.evaluations.map((e) => e.id) } },
    { subjectType: 'coaching-session', subjectId: { in: rows.coachingSessions.map((c) => c.id) } },
  ]
  const auditEvents = await prisma.auditEvent.findMany({
    where: { OR: [{ actorId: userId }, ...subjects] },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      actorId: true,
      organisationId: true,
      action: true,
      subjectType: true,
      subjectId: true,
      detail: true,
      createdAt: true,
    },
  })

  return { user, ...rows, auditEvents }
}

export type PersonalData = NonNullable<Awaited<ReturnType<typeof readPersonalData>>>
