"""Every exception the package raises.

`BmlbError` is the root. `ApiError` is an error the API answered with; each code of the
catalogue has its own class, with class attributes `code`, `code_desc`, `retryable` and
`description`. A dotted codeDesc belongs to the family named by its first part:
`InvalidParameterCCDBLBNotExist` (InvalidParameter.CCDBLBNotExist) is an `InvalidParameter`.

Generated from spec/errors.yaml by `python -m generator`; do not edit.
"""

from __future__ import annotations

from ._exceptions import (
    ApiError,
    BmlbError,
    ClientClosedError,
    ConfigurationError,
    ConnectError,
    CredentialsError,
    ErrorRegistry,
    HTTPStatusError,
    MalformedResponseError,
    RequestTimeoutError,
    ResponseError,
    TaskError,
    TaskFailedError,
    TaskTimeoutError,
    TransportError,
    ValidationError,
)

__all__ = [
    "CATALOGUE",
    "REGISTRY",
    "AccessDenied",
    "AccountNotQualified",
    "ApiError",
    "AuthFailure",
    "AuthFailurePermissionCheckFailed",
    "AuthFailureSecretIdNotFound",
    "AuthFailureSubAccountForbidden",
    "AuthFailureUnauthorizedOperation",
    "AuthFailureUnauthorizedResource",
    "BmlbError",
    "ClientClosedError",
    "ConfigurationError",
    "ConnectError",
    "CredentialsError",
    "FailedOperation",
    "HTTPStatusError",
    "IncorrectStatus",
    "IncorrectStatusForwardRuleWrongStatus",
    "IncorrectStatusL4ListenerWrongStatus",
    "IncorrectStatusLBWrongStatus",
    "IncorrectStatusListenerWrongStatus",
    "InternalError",
    "InternalErrorBmApiAbnormal",
    "InternalErrorCCDBAbnormal",
    "InternalErrorTGWAbnormal",
    "InternalErrorTradeError",
    "InternalErrorUploadToTgwErr",
    "InternalErrorVPCAbnormal",
    "InvalidForwardRule",
    "InvalidForwardRuleNotExist",
    "InvalidL4Listener",
    "InvalidL4ListenerNotExist",
    "InvalidL7Listener",
    "InvalidL7ListenerNotExist",
    "InvalidParameter",
    "InvalidParameterCCDBLBNotExist",
    "InvalidParameterCertNotInValidTime",
    "InvalidParameterForwardDomainNotComplianceWithRule",
    "InvalidParameterForwardLocationIsDuplicate",
    "InvalidParameterForwardLocationNotComplianceWithRule",
    "InvalidParameterHttpCheckDomainNotMatch",
    "InvalidParameterInvalidCertContent",
    "InvalidParameterInvalidCertType",
    "InvalidParameterInvalidMultiL4VportToRsport",
    "InvalidParameterModule",
    "InvalidParameterTrade",
    "InvalidParameterVpcIdSubnetIdNotExist",
    "InvalidParameterVportIsDuplicate",
    "InvalidResource",
    "InvalidResourceBindCPMNumberOverLimit",
    "InvalidResourceCertPlatformErr",
    "InvalidResourceForwardDomainNumberOverLimit",
    "InvalidResourceForwardLocationNumberOverLimit",
    "InvalidResourceLBNumberOverOrderLimit",
    "InvalidResourceLBNumberOverTotalLimit",
    "InvalidResourceListenerNumberOverLimit",
    "InvalidRs",
    "InvalidRsNotExist",
    "InvalidStatus",
    "InvalidStatusDeviceInvalidStatus",
    "InvalidStatusLBInvalidStatus",
    "InvalidVmIp",
    "InvalidVmIpAlreadyExist",
    "InvalidVmIpNotExist",
    "MalformedResponseError",
    "OperationDenied",
    "OperationDeniedNoPermission",
    "PartialSuccess",
    "PurchaseFailed",
    "PurchaseFailedInsufficientBalance",
    "QuotaExceeded",
    "ReplayAttack",
    "RequestExpired",
    "RequestTimeoutError",
    "ResourceNotFound",
    "ResponseError",
    "ServiceUnavailable",
    "TaskError",
    "TaskFailedError",
    "TaskTimeoutError",
    "TradeError",
    "TradeErrorCheckGoodsError",
    "TradeErrorGoodsCodeInvalid",
    "TradeErrorGoodsConfigInvalid",
    "TradeErrorQueryPriceError",
    "TransportError",
    "UnsupportedOperation",
    "UnsupportedProtocol",
    "ValidationError",
    "error_class",
    "error_class_for_code_desc",
]


class IncorrectStatus(ApiError):
    """Any error of the IncorrectStatus family."""

    code_desc = "IncorrectStatus"


class InvalidForwardRule(ApiError):
    """Any error of the InvalidForwardRule family."""

    code_desc = "InvalidForwardRule"


class InvalidL4Listener(ApiError):
    """Any error of the InvalidL4Listener family."""

    code_desc = "InvalidL4Listener"


class InvalidL7Listener(ApiError):
    """Any error of the InvalidL7Listener family."""

    code_desc = "InvalidL7Listener"


class InvalidResource(ApiError):
    """Any error of the InvalidResource family."""

    code_desc = "InvalidResource"


class InvalidRs(ApiError):
    """Any error of the InvalidRs family."""

    code_desc = "InvalidRs"


class InvalidStatus(ApiError):
    """Any error of the InvalidStatus family."""

    code_desc = "InvalidStatus"


class InvalidVmIp(ApiError):
    """Any error of the InvalidVmIp family."""

    code_desc = "InvalidVmIp"


class OperationDenied(ApiError):
    """Any error of the OperationDenied family."""

    code_desc = "OperationDenied"


class TradeError(ApiError):
    """Any error of the TradeError family."""

    code_desc = "TradeError"


class InvalidParameter(ApiError):
    """Missing or malformed parameter. (4000 InvalidParameter)

    参数缺失或格式错误。
    """

    code = 4000
    code_desc = "InvalidParameter"
    retryable = False
    description = "Missing or malformed parameter."
    description_zh = "参数缺失或格式错误。"


class AuthFailure(ApiError):
    """Signature authentication failed. (4100 AuthFailure)

    鉴权失败，签名校验未通过。
    """

    code = 4100
    code_desc = "AuthFailure"
    retryable = False
    description = "Signature authentication failed."
    description_zh = "鉴权失败，签名校验未通过。"


class RequestExpired(ApiError):
    """The request has expired. (4200 RequestExpired, codeDesc named by this package)

    请求已过期。
    """

    code = 4200
    code_desc = "RequestExpired"
    retryable = False
    description = "The request has expired."
    description_zh = "请求已过期。"


class AccessDenied(ApiError):
    """Access denied: the account is suspended or outside the API's scope. (4300 AccessDenied, codeDesc named by this package)

    拒绝访问：账号被冻结或不在接口允许的范围内。
    """

    code = 4300
    code_desc = "AccessDenied"
    retryable = False
    description = "Access denied: the account is suspended or outside the API's scope."
    description_zh = "拒绝访问：账号被冻结或不在接口允许的范围内。"


class QuotaExceeded(ApiError):
    """Quota exceeded. (4400 QuotaExceeded, codeDesc named by this package)

    超过配额限制。
    """

    code = 4400
    code_desc = "QuotaExceeded"
    retryable = False
    description = "Quota exceeded."
    description_zh = "超过配额限制。"


class ReplayAttack(ApiError):
    """Replay attack: the Nonce was reused, or the Timestamp is more than 2 hours off the server clock. (4500 ReplayAttack, codeDesc named by this package)

    重放攻击：Nonce 重复使用，或 Timestamp 与服务器时间相差超过 2 小时。
    """

    code = 4500
    code_desc = "ReplayAttack"
    retryable = False
    description = "Replay attack: the Nonce was reused, or the Timestamp is more than 2 hours off the server clock."
    description_zh = "重放攻击：Nonce 重复使用，或 Timestamp 与服务器时间相差超过 2 小时。"


class UnsupportedProtocol(ApiError):
    """Protocol not supported. (4600 UnsupportedProtocol, codeDesc named by this package)

    不支持该协议。
    """

    code = 4600
    code_desc = "UnsupportedProtocol"
    retryable = False
    description = "Protocol not supported."
    description_zh = "不支持该协议。"


class ResourceNotFound(ApiError):
    """The resource does not exist. (5000 ResourceNotFound, codeDesc named by this package)

    资源不存在。
    """

    code = 5000
    code_desc = "ResourceNotFound"
    retryable = False
    description = "The resource does not exist."
    description_zh = "资源不存在。"


class FailedOperation(ApiError):
    """The resource operation failed. (5100 FailedOperation, codeDesc named by this package)

    资源操作失败。
    """

    code = 5100
    code_desc = "FailedOperation"
    retryable = False
    description = "The resource operation failed."
    description_zh = "资源操作失败。"


class PurchaseFailed(ApiError):
    """Resource purchase failed (configuration or stock). (5200 PurchaseFailed, codeDesc named by this package)

    资源购买失败（配置或库存问题）。
    """

    code = 5200
    code_desc = "PurchaseFailed"
    retryable = False
    description = "Resource purchase failed (configuration or stock)."
    description_zh = "资源购买失败（配置或库存问题）。"


class PartialSuccess(ApiError):
    """Partial success of a batch operation. (5400 PartialSuccess, codeDesc named by this package)

    批量操作部分成功。
    """

    code = 5400
    code_desc = "PartialSuccess"
    retryable = False
    description = "Partial success of a batch operation."
    description_zh = "批量操作部分成功。"


class AccountNotQualified(ApiError):
    """Account qualification check not passed. (5500 AccountNotQualified, codeDesc named by this package)

    账号资质审核未通过。
    """

    code = 5500
    code_desc = "AccountNotQualified"
    retryable = False
    description = "Account qualification check not passed."
    description_zh = "账号资质审核未通过。"


class InternalError(ApiError):
    """Internal server error; retry later. (6000 InternalError, codeDesc named by this package)

    服务器内部错误，请稍后重试。
    """

    code = 6000
    code_desc = "InternalError"
    retryable = True
    description = "Internal server error; retry later."
    description_zh = "服务器内部错误，请稍后重试。"


class UnsupportedOperation(ApiError):
    """Version not supported, or the action does not exist at this host. (6100 UnsupportedOperation, codeDesc named by this package)

    版本不支持，或该接口在此域名下不存在。
    """

    code = 6100
    code_desc = "UnsupportedOperation"
    retryable = False
    description = "Version not supported, or the action does not exist at this host."
    description_zh = "版本不支持，或该接口在此域名下不存在。"


class ServiceUnavailable(ApiError):
    """The action is temporarily unavailable. (6200 ServiceUnavailable, codeDesc named by this package)

    接口暂时不可用。
    """

    code = 6200
    code_desc = "ServiceUnavailable"
    retryable = True
    description = "The action is temporarily unavailable."
    description_zh = "接口暂时不可用。"


class AuthFailureUnauthorizedOperation(AuthFailure):
    """Not authorised to call this action. (4101 AuthFailure.UnauthorizedOperation, codeDesc named by this package)

    未授权调用该接口。
    """

    code = 4101
    code_desc = "AuthFailure.UnauthorizedOperation"
    retryable = False
    description = "Not authorised to call this action."
    description_zh = "未授权调用该接口。"


class AuthFailureUnauthorizedResource(AuthFailure):
    """Not authorised to operate on this resource. (4102 AuthFailure.UnauthorizedResource, codeDesc named by this package)

    未授权操作该资源。
    """

    code = 4102
    code_desc = "AuthFailure.UnauthorizedResource"
    retryable = False
    description = "Not authorised to operate on this resource."
    description_zh = "未授权操作该资源。"


class AuthFailureSubAccountForbidden(AuthFailure):
    """A sub-account key may not call this action. (4103 AuthFailure.SubAccountForbidden, codeDesc named by this package)

    子账号密钥不允许调用该接口。
    """

    code = 4103
    code_desc = "AuthFailure.SubAccountForbidden"
    retryable = False
    description = "A sub-account key may not call this action."
    description_zh = "子账号密钥不允许调用该接口。"


class AuthFailureSecretIdNotFound(AuthFailure):
    """The SecretId does not exist. (4104 AuthFailure.SecretIdNotFound, codeDesc named by this package)

    SecretId 不存在。
    """

    code = 4104
    code_desc = "AuthFailure.SecretIdNotFound"
    retryable = False
    description = "The SecretId does not exist."
    description_zh = "SecretId 不存在。"


class AuthFailurePermissionCheckFailed(AuthFailure):
    """Permission check failed. (4110 AuthFailure.PermissionCheckFailed, codeDesc named by this package)

    权限校验失败。
    """

    code = 4110
    code_desc = "AuthFailure.PermissionCheckFailed"
    retryable = False
    description = "Permission check failed."
    description_zh = "权限校验失败。"


class PurchaseFailedInsufficientBalance(PurchaseFailed):
    """Resource purchase failed: insufficient balance. (5300 PurchaseFailed.InsufficientBalance, codeDesc named by this package)

    资源购买失败：余额不足。
    """

    code = 5300
    code_desc = "PurchaseFailed.InsufficientBalance"
    retryable = False
    description = "Resource purchase failed: insufficient balance."
    description_zh = "资源购买失败：余额不足。"


class InvalidStatusLBInvalidStatus(InvalidStatus):
    """The operation is not allowed due to the current status of BM load balancer. (-21001 InvalidStatus.LBInvalidStatus)

    当前负载均衡状态不允许此操作。
    """

    code = -21001
    code_desc = "InvalidStatus.LBInvalidStatus"
    retryable = True
    description = "The operation is not allowed due to the current status of BM load balancer."
    description_zh = "当前负载均衡状态不允许此操作。"


class InvalidStatusDeviceInvalidStatus(InvalidStatus):
    """The operation is not allowed due to the current device status. (-21000 InvalidStatus.DeviceInvalidStatus)

    当前设备状态不允许此操作。
    """

    code = -21000
    code_desc = "InvalidStatus.DeviceInvalidStatus"
    retryable = True
    description = "The operation is not allowed due to the current device status."
    description_zh = "当前设备状态不允许此操作。"


class InternalErrorUploadToTgwErr(InternalError):
    """Failed to upload certificate (-20005 InternalError.UploadToTgwErr)

    上传证书失败
    """

    code = -20005
    code_desc = "InternalError.UploadToTgwErr"
    retryable = True
    description = "Failed to upload certificate"
    description_zh = "上传证书失败"


class InvalidParameterInvalidCertContent(InvalidParameter):
    """Invalid certificate content (-20002 InvalidParameter.InvalidCertContent)

    证书内容不合法
    """

    code = -20002
    code_desc = "InvalidParameter.InvalidCertContent"
    retryable = False
    description = "Invalid certificate content"
    description_zh = "证书内容不合法"


class InvalidParameterInvalidCertType(InvalidParameter):
    """Invalid parameter for certificate type (-20001 InvalidParameter.InvalidCertType)

    证书类型参数不正确
    """

    code = -20001
    code_desc = "InvalidParameter.InvalidCertType"
    retryable = False
    description = "Invalid parameter for certificate type"
    description_zh = "证书类型参数不正确"


class InvalidResourceCertPlatformErr(InvalidResource):
    """An error occurred while accessing the certificate platform (-20000 InvalidResource.CertPlatformErr)

    访问证书平台异常
    """

    code = -20000
    code_desc = "InvalidResource.CertPlatformErr"
    retryable = True
    description = "An error occurred while accessing the certificate platform"
    description_zh = "访问证书平台异常"


class InvalidVmIpAlreadyExist(InvalidVmIp):
    """The VM IP port has already been bound to layer-7 forwarding path (-12025 InvalidVmIp.AlreadyExist)

    此虚机IP端口已经绑定七层转发路径
    """

    code = -12025
    code_desc = "InvalidVmIp.AlreadyExist"
    retryable = False
    description = "The VM IP port has already been bound to layer-7 forwarding path"
    description_zh = "此虚机IP端口已经绑定七层转发路径"


class InvalidVmIpNotExist(InvalidVmIp):
    """The CPM IP does not exist. (-12024 InvalidVmIp.NotExist)

    物理机IP不存在。
    """

    code = -12024
    code_desc = "InvalidVmIp.NotExist"
    retryable = False
    description = "The CPM IP does not exist."
    description_zh = "物理机IP不存在。"


class InvalidL4ListenerNotExist(InvalidL4Listener):
    """The layer-4 listener does not exist in CCDB. (-12023 InvalidL4Listener.NotExist)

    CCDB中不存在该四层监听器。
    """

    code = -12023
    code_desc = "InvalidL4Listener.NotExist"
    retryable = False
    description = "The layer-4 listener does not exist in CCDB."
    description_zh = "CCDB中不存在该四层监听器。"


class InvalidParameterInvalidMultiL4VportToRsport(InvalidParameter):
    """This CPM port has been bound to layer-4 listener. (-12022 InvalidParameter.InvalidMultiL4VportToRsport)

    该物理机端口已绑定到四层监听器。
    """

    code = -12022
    code_desc = "InvalidParameter.InvalidMultiL4VportToRsport"
    retryable = False
    description = "This CPM port has been bound to layer-4 listener."
    description_zh = "该物理机端口已绑定到四层监听器。"


class IncorrectStatusL4ListenerWrongStatus(IncorrectStatus):
    """The operation is impossible due to incorrect status of the BM load balancer layer-4 listener. (-12021 IncorrectStatus.L4ListenerWrongStatus)

    该负载均衡四层监听器状态不正确,无法执行当前操作。
    """

    code = -12021
    code_desc = "IncorrectStatus.L4ListenerWrongStatus"
    retryable = True
    description = "The operation is impossible due to incorrect status of the BM load balancer layer-4 listener."
    description_zh = "该负载均衡四层监听器状态不正确,无法执行当前操作。"


class InvalidParameterCertNotInValidTime(InvalidParameter):
    """Certificate is not within the valid time period (-12020 InvalidParameter.certNotInValidTime)

    证书不在合法使用时段
    """

    code = -12020
    code_desc = "InvalidParameter.certNotInValidTime"
    retryable = False
    description = "Certificate is not within the valid time period"
    description_zh = "证书不在合法使用时段"


class InvalidParameterHttpCheckDomainNotMatch(InvalidParameter):
    """The health check domain name does not match with the forwarding domain name (-12019 InvalidParameter.httpCheckDomainNotMatch)

    该健康检查域名不匹配转发域名
    """

    code = -12019
    code_desc = "InvalidParameter.httpCheckDomainNotMatch"
    retryable = False
    description = "The health check domain name does not match with the forwarding domain name"
    description_zh = "该健康检查域名不匹配转发域名"


class InvalidParameterForwardLocationNotComplianceWithRule(InvalidParameter):
    """Incorrect forwarding path format (-12017 InvalidParameter.ForwardLocationNotComplianceWithRule)

    转发路径不符合规则
    """

    code = -12017
    code_desc = "InvalidParameter.ForwardLocationNotComplianceWithRule"
    retryable = False
    description = "Incorrect forwarding path format"
    description_zh = "转发路径不符合规则"


class InvalidParameterForwardDomainNotComplianceWithRule(InvalidParameter):
    """Incorrect forwarding domain format (-12016 InvalidParameter.ForwardDomainNotComplianceWithRule)

    转发域名不符合规则
    """

    code = -12016
    code_desc = "InvalidParameter.ForwardDomainNotComplianceWithRule"
    retryable = False
    description = "Incorrect forwarding domain format"
    description_zh = "转发域名不符合规则"


class InvalidParameterForwardLocationIsDuplicate(InvalidParameter):
    """The forwarding path already exists for this load balancer (-12015 InvalidParameter.ForwardLocationIsDuplicate)

    该负载均衡已经存在该转发路径
    """

    code = -12015
    code_desc = "InvalidParameter.ForwardLocationIsDuplicate"
    retryable = False
    description = "The forwarding path already exists for this load balancer"
    description_zh = "该负载均衡已经存在该转发路径"


class InvalidParameterVportIsDuplicate(InvalidParameter):
    """The listener port is duplicated. (-12013 InvalidParameter.VportIsDuplicate)

    监听器端口重复。
    """

    code = -12013
    code_desc = "InvalidParameter.VportIsDuplicate"
    retryable = False
    description = "The listener port is duplicated."
    description_zh = "监听器端口重复。"


class IncorrectStatusForwardRuleWrongStatus(IncorrectStatus):
    """Incorrect load balancer forwarding rule status (-12011 IncorrectStatus.ForwardRuleWrongStatus)

    该负载均衡转发规则状态不正确
    """

    code = -12011
    code_desc = "IncorrectStatus.ForwardRuleWrongStatus"
    retryable = True
    description = "Incorrect load balancer forwarding rule status"
    description_zh = "该负载均衡转发规则状态不正确"


class IncorrectStatusListenerWrongStatus(IncorrectStatus):
    """Incorrect load balancer listener status (-12010 IncorrectStatus.ListenerWrongStatus)

    该负载均衡监听器状态不正确
    """

    code = -12010
    code_desc = "IncorrectStatus.ListenerWrongStatus"
    retryable = True
    description = "Incorrect load balancer listener status"
    description_zh = "该负载均衡监听器状态不正确"


class InvalidResourceForwardLocationNumberOverLimit(InvalidResource):
    """The number of forwarding paths under the forwarding domain for the load balancer listener has exceeded the limit (-12008 InvalidResource.ForwardLocationNumberOverLimit)

    该负载均衡监听器转发域名的转发路径数量超过限制
    """

    code = -12008
    code_desc = "InvalidResource.ForwardLocationNumberOverLimit"
    retryable = False
    description = "The number of forwarding paths under the forwarding domain for the load balancer listener has exceeded the limit"
    description_zh = "该负载均衡监听器转发域名的转发路径数量超过限制"


class InvalidResourceForwardDomainNumberOverLimit(InvalidResource):
    """The number of forwarding domain names of the load balancer listener has exceeded the limit (-12007 InvalidResource.ForwardDomainNumberOverLimit)

    该负载均衡监听器的转发域名数量超过限制
    """

    code = -12007
    code_desc = "InvalidResource.ForwardDomainNumberOverLimit"
    retryable = False
    description = (
        "The number of forwarding domain names of the load balancer listener has exceeded the limit"
    )
    description_zh = "该负载均衡监听器的转发域名数量超过限制"


class InvalidForwardRuleNotExist(InvalidForwardRule):
    """The forwarding rule does not exist in CCDB (-12003 InvalidForwardRule.NotExist)

    CCDB中不存在该转发规则
    """

    code = -12003
    code_desc = "InvalidForwardRule.NotExist"
    retryable = False
    description = "The forwarding rule does not exist in CCDB"
    description_zh = "CCDB中不存在该转发规则"


class InvalidL7ListenerNotExist(InvalidL7Listener):
    """The layer-7 listener does not exist in CCDB (-12000 InvalidL7Listener.NotExist)

    CCDB 中不存在该七层监听器
    """

    code = -12000
    code_desc = "InvalidL7Listener.NotExist"
    retryable = False
    description = "The layer-7 listener does not exist in CCDB"
    description_zh = "CCDB 中不存在该七层监听器"


class InvalidParameterModule(InvalidParameter):
    """Invalid parameter. (9003 InvalidParameter)

    参数错误。
    """

    code = 9003
    code_desc = "InvalidParameter"
    retryable = False
    description = "Invalid parameter."
    description_zh = "参数错误。"


class InternalErrorCCDBAbnormal(InternalError):
    """CCDB service error. (9006 InternalError.CCDBAbnormal)

    CCDB 服务异常。
    """

    code = 9006
    code_desc = "InternalError.CCDBAbnormal"
    retryable = True
    description = "CCDB service error."
    description_zh = "CCDB 服务异常。"


class InternalErrorTradeError(InternalError):
    """Error occurred while requesting billing API (9009 InternalError.TradeError)

    请求计费接口错误
    """

    code = 9009
    code_desc = "InternalError.TradeError"
    retryable = True
    description = "Error occurred while requesting billing API"
    description_zh = "请求计费接口错误"


class InvalidParameterCCDBLBNotExist(InvalidParameter):
    """Record of this BM load balancer does not exist in CCDB. (11041 InvalidParameter.CCDBLBNotExist)

    CCDB中不存在该负载均衡记录信息。
    """

    code = 11041
    code_desc = "InvalidParameter.CCDBLBNotExist"
    retryable = False
    description = "Record of this BM load balancer does not exist in CCDB."
    description_zh = "CCDB中不存在该负载均衡记录信息。"


class InternalErrorTGWAbnormal(InternalError):
    """TGW service error. (11060 InternalError.TGWAbnormal)

    TGW 服务异常。
    """

    code = 11060
    code_desc = "InternalError.TGWAbnormal"
    retryable = True
    description = "TGW service error."
    description_zh = "TGW 服务异常。"


class IncorrectStatusLBWrongStatus(IncorrectStatus):
    """The operation is impossible due to incorrect status of BM load balancer. (12003 IncorrectStatus.LBWrongStatus)

    该负载均衡状态不正确,无法执行当前操作。
    """

    code = 12003
    code_desc = "IncorrectStatus.LBWrongStatus"
    retryable = True
    description = "The operation is impossible due to incorrect status of BM load balancer."
    description_zh = "该负载均衡状态不正确,无法执行当前操作。"


class InvalidResourceLBNumberOverOrderLimit(InvalidResource):
    """The number of load balancer instances to be purchased in this order has exceeded the limit (12010 InvalidResource.LBNumberOverOrderLimit)

    该订单购买的负载均衡实例数量超过限制
    """

    code = 12010
    code_desc = "InvalidResource.LBNumberOverOrderLimit"
    retryable = False
    description = (
        "The number of load balancer instances to be purchased in this order has exceeded the limit"
    )
    description_zh = "该订单购买的负载均衡实例数量超过限制"


class InvalidResourceLBNumberOverTotalLimit(InvalidResource):
    """The number of purchased load balancer instances has exceeded the limit (12011 InvalidResource.LBNumberOverTotalLimit)

    购买的负载均衡实例数量超过限制
    """

    code = 12011
    code_desc = "InvalidResource.LBNumberOverTotalLimit"
    retryable = False
    description = "The number of purchased load balancer instances has exceeded the limit"
    description_zh = "购买的负载均衡实例数量超过限制"


class InvalidResourceBindCPMNumberOverLimit(InvalidResource):
    """The number of bound CPM ports exceeds the limit. (12013 InvalidResource.BindCPMNumberOverLimit)

    绑定的物理机端口数量超过上限。
    """

    code = 12013
    code_desc = "InvalidResource.BindCPMNumberOverLimit"
    retryable = False
    description = "The number of bound CPM ports exceeds the limit."
    description_zh = "绑定的物理机端口数量超过上限。"


class InvalidResourceListenerNumberOverLimit(InvalidResource):
    """The number of listeners exceeds the limit. (12014 InvalidResource.ListenerNumberOverLimit)

    监听器数量超过上限。
    """

    code = 12014
    code_desc = "InvalidResource.ListenerNumberOverLimit"
    retryable = False
    description = "The number of listeners exceeds the limit."
    description_zh = "监听器数量超过上限。"


class InternalErrorBmApiAbnormal(InternalError):
    """bmApi service error. (14100 InternalError.BmApiAbnormal)

    bmApi服务异常。
    """

    code = 14100
    code_desc = "InternalError.BmApiAbnormal"
    retryable = True
    description = "bmApi service error."
    description_zh = "bmApi服务异常。"


class InvalidParameterVpcIdSubnetIdNotExist(InvalidParameter):
    """The VPC and subnet information does not exist for this account in this region (20002 InvalidParameter.VpcIdSubnetIdNotExist)

    该账户在该地域并不存在该 VPC 和子网信息
    """

    code = 20002
    code_desc = "InvalidParameter.VpcIdSubnetIdNotExist"
    retryable = False
    description = "The VPC and subnet information does not exist for this account in this region"
    description_zh = "该账户在该地域并不存在该 VPC 和子网信息"


class InternalErrorVPCAbnormal(InternalError):
    """VPC service error. (28000 InternalError.VPCAbnormal)

    VPC 服务异常。
    """

    code = 28000
    code_desc = "InternalError.VPCAbnormal"
    retryable = True
    description = "VPC service error."
    description_zh = "VPC 服务异常。"


class InvalidRsNotExist(InvalidRs):
    """CPM information does not exist. (30011 InvalidRs.NotExist)

    主机信息不存在。
    """

    code = 30011
    code_desc = "InvalidRs.NotExist"
    retryable = False
    description = "CPM information does not exist."
    description_zh = "主机信息不存在。"


class InvalidParameterTrade(InvalidParameter):
    """Invalid parameter (100001 InvalidParameter)

    参数错误
    """

    code = 100001
    code_desc = "InvalidParameter"
    retryable = False
    description = "Invalid parameter"
    description_zh = "参数错误"


class OperationDeniedNoPermission(OperationDenied):
    """The operation is not supported (100004 OperationDenied.NoPermission)

    不支持此项操作
    """

    code = 100004
    code_desc = "OperationDenied.NoPermission"
    retryable = False
    description = "The operation is not supported"
    description_zh = "不支持此项操作"


class TradeErrorQueryPriceError(TradeError):
    """Price query failed (500008 TradeError.QueryPriceError)

    询价失败
    """

    code = 500008
    code_desc = "TradeError.QueryPriceError"
    retryable = False
    description = "Price query failed"
    description_zh = "询价失败"


class TradeErrorCheckGoodsError(TradeError):
    """Service parameter verification failed (700102 TradeError.CheckGoodsError)

    业务参数校验失败
    """

    code = 700102
    code_desc = "TradeError.CheckGoodsError"
    retryable = False
    description = "Service parameter verification failed"
    description_zh = "业务参数校验失败"


class TradeErrorGoodsConfigInvalid(TradeError):
    """Failed to obtain goods configuration (700104 TradeError.GoodsConfigInvalid)

    获取商品配置失败
    """

    code = 700104
    code_desc = "TradeError.GoodsConfigInvalid"
    retryable = False
    description = "Failed to obtain goods configuration"
    description_zh = "获取商品配置失败"


class TradeErrorGoodsCodeInvalid(TradeError):
    """Invalid goods ID (700108 TradeError.GoodsCodeInvalid)

    商品ID无效
    """

    code = 700108
    code_desc = "TradeError.GoodsCodeInvalid"
    retryable = False
    description = "Invalid goods ID"
    description_zh = "商品ID无效"


#: Every catalogue class, common codes first, then by code.
CATALOGUE: tuple[type[ApiError], ...] = (
    InvalidParameter,
    AuthFailure,
    AuthFailureUnauthorizedOperation,
    AuthFailureUnauthorizedResource,
    AuthFailureSubAccountForbidden,
    AuthFailureSecretIdNotFound,
    AuthFailurePermissionCheckFailed,
    RequestExpired,
    AccessDenied,
    QuotaExceeded,
    ReplayAttack,
    UnsupportedProtocol,
    ResourceNotFound,
    FailedOperation,
    PurchaseFailed,
    PurchaseFailedInsufficientBalance,
    PartialSuccess,
    AccountNotQualified,
    InternalError,
    UnsupportedOperation,
    ServiceUnavailable,
    InvalidStatusLBInvalidStatus,
    InvalidStatusDeviceInvalidStatus,
    InternalErrorUploadToTgwErr,
    InvalidParameterInvalidCertContent,
    InvalidParameterInvalidCertType,
    InvalidResourceCertPlatformErr,
    InvalidVmIpAlreadyExist,
    InvalidVmIpNotExist,
    InvalidL4ListenerNotExist,
    InvalidParameterInvalidMultiL4VportToRsport,
    IncorrectStatusL4ListenerWrongStatus,
    InvalidParameterCertNotInValidTime,
    InvalidParameterHttpCheckDomainNotMatch,
    InvalidParameterForwardLocationNotComplianceWithRule,
    InvalidParameterForwardDomainNotComplianceWithRule,
    InvalidParameterForwardLocationIsDuplicate,
    InvalidParameterVportIsDuplicate,
    IncorrectStatusForwardRuleWrongStatus,
    IncorrectStatusListenerWrongStatus,
    InvalidResourceForwardLocationNumberOverLimit,
    InvalidResourceForwardDomainNumberOverLimit,
    InvalidForwardRuleNotExist,
    InvalidL7ListenerNotExist,
    InvalidParameterModule,
    InternalErrorCCDBAbnormal,
    InternalErrorTradeError,
    InvalidParameterCCDBLBNotExist,
    InternalErrorTGWAbnormal,
    IncorrectStatusLBWrongStatus,
    InvalidResourceLBNumberOverOrderLimit,
    InvalidResourceLBNumberOverTotalLimit,
    InvalidResourceBindCPMNumberOverLimit,
    InvalidResourceListenerNumberOverLimit,
    InternalErrorBmApiAbnormal,
    InvalidParameterVpcIdSubnetIdNotExist,
    InternalErrorVPCAbnormal,
    InvalidRsNotExist,
    InvalidParameterTrade,
    OperationDeniedNoPermission,
    TradeErrorQueryPriceError,
    TradeErrorCheckGoodsError,
    TradeErrorGoodsConfigInvalid,
    TradeErrorGoodsCodeInvalid,
)

#: Maps a response's code and codeDesc to the class to raise.
REGISTRY = ErrorRegistry(
    CATALOGUE,
    (
        IncorrectStatus,
        InvalidForwardRule,
        InvalidL4Listener,
        InvalidL7Listener,
        InvalidResource,
        InvalidRs,
        InvalidStatus,
        InvalidVmIp,
        OperationDenied,
        TradeError,
    ),
)


def error_class(code: int) -> type[ApiError] | None:
    """The catalogue class of an error code, or None."""
    return REGISTRY.for_code(code)


def error_class_for_code_desc(code_desc: str) -> type[ApiError] | None:
    """The class of a codeDesc, else of its family, or None."""
    return REGISTRY.for_code_desc(code_desc)
