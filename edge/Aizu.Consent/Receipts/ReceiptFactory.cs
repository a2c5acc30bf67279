namespace Aizu.Consent;

/// <summary>Fills a <see cref="ConsentReceipt"/> for one ledger event from the grant and the city's catalogue.</summary>
internal static class ReceiptFactory
{
    public static ConsentReceipt Create(
        LedgerEvent recorded, PurposeCatalogue? catalogue, string principalId, string collectionMethod, string receiptId)
    {
        var grant = recorded.Grant;
        var purpose = catalogue?.Find(grant.Purpose);
        var controller = catalogue?.Controller;
        var controllers = controller is null
            ? new[] { new ReceiptController(grant.Recipient, false, null, null, null, null, null) }
            : [new ReceiptController(controller.Name, false, controller.Contact, controller.Address, controller.Email, controller.Phone, controller.Url)];
        var title = purpose is null ? grant.Purpose : $"{purpose.Title.Ja} ({purpose.Title.En})";
        var thirdParties = purpose is { OnwardSharing: true } ? string.Join(", ", purpose.ThirdParties) : null;
        var termination = string.Create(CultureInfo.InvariantCulture,
            $"Valid until {grant.ExpiresAt:yyyy-MM-dd'T'HH:mm:ssK} unless withdrawn earlier on the gateway (aizu consent withdraw {grant.ConsentId}); "
            + $"the recipient keeps what it received for at most {(grant.Retention.Length > 0 ? grant.Retention : "its stated retention")}.");

        var receiptPurpose = new ReceiptPurpose(
            Purpose: purpose is null ? grant.Purpose : $"{purpose.Description.Ja} ({purpose.Description.En})",
            ConsentType: "EXPLICIT",
            PurposeCategory: [grant.PurposeIri],
            PiiCategory: [$"{grant.Category} per {grant.Granularity}"],
            PrimaryPurpose: false,
            Termination: termination,
            ThirdPartyDisclosure: grant.OnwardSharing,
            ThirdPartyName: thirdParties);

        var record = new ReceiptRecord(
            grant.ConsentId,
            grant.Version,
            LedgerText.TypeName(recorded.Type),
            DpvConsentStatus.IriOf(recorded.Type),
            LedgerText.ActorName(recorded.Actor),
            LedgerText.FormatTime(recorded.Time),
            grant,
            grant.PurposeVersion,
            catalogue?.Sequence ?? 0,
            recorded.Seq,
            recorded.Hash);

        return new ConsentReceipt(
            ConsentReceipt.KantaraVersion,
            "JP",
            recorded.Time.ToUnixTimeSeconds(),
            collectionMethod,
            receiptId,
            "ja",
            principalId,
            controllers,
            catalogue?.PolicyUrl ?? "",
            [new ReceiptService(title, [receiptPurpose])],
            Sensitive: false,
            SpiCat: [],
            Consent: record);
    }
}
